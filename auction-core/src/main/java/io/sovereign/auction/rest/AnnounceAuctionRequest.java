package io.sovereign.auction.rest;

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
        BigDecimal maxAwardRatio,
        Long nonCompetitiveLimit,
        Long minimumBid,
        Long bidMultiple,
        BigDecimal rateIncrement,
        BigDecimal priceIncrement,
        @NotNull Instant biddingOpensAt,
        @NotNull Instant nonCompetitiveClosesAt,
        @NotNull Instant competitiveClosesAt) {
}
