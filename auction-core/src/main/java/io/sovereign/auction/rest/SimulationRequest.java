package io.sovereign.auction.rest;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.sovereign.auction.domain.AuctionFormat;
import io.sovereign.auction.domain.BidBasis;
import io.sovereign.kit.json.DecimalString;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;

/** POST /api/v1/auctions/simulate: the clearing engine on terms and bids, nothing stored. */
public record SimulationRequest(
        @NotNull AuctionFormat format,
        @NotNull BidBasis bidBasis,
        @NotNull @Valid SecurityTerms security,
        @NotNull Long offeringAmount,
        @JsonDeserialize(using = DecimalString.class) BigDecimal maxAwardRatio,
        Long nonCompetitiveLimit,
        Long minimumBid,
        Long bidMultiple,
        @JsonDeserialize(using = DecimalString.class) BigDecimal rateIncrement,
        @JsonDeserialize(using = DecimalString.class) BigDecimal priceIncrement,
        @NotNull SimulatedBids bids) {
}
