package io.sovereign.auction.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.sovereign.kit.json.DecimalString;
import io.sovereign.auction.domain.AuctionFormat;
import io.sovereign.auction.domain.BidBasis;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.Instant;

/** POST /api/v1/auctions: the simulation terms without bids, plus the schedule. */
public record AnnounceAuctionRequest(
        @NotNull AuctionFormat format,
        @NotNull BidBasis bidBasis,
        @NotNull @Valid SecurityTerms security,
        @NotNull Long offeringAmount,
        @JsonDeserialize(using = DecimalString.class) BigDecimal maxAwardRatio,
        @Schema(minimum = "0", description = "0: no non-competitive tenders") Long nonCompetitiveLimit,
        Long minimumBid,
        Long bidMultiple,
        @JsonDeserialize(using = DecimalString.class) BigDecimal rateIncrement,
        @JsonDeserialize(using = DecimalString.class) BigDecimal priceIncrement,
        @NotNull Instant biddingOpensAt,
        @NotNull Instant nonCompetitiveClosesAt,
        @NotNull Instant competitiveClosesAt) {
}
