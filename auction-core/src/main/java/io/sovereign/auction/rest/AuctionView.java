package io.sovereign.auction.rest;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.sovereign.auction.domain.AuctionFormat;
import io.sovereign.auction.domain.AuctionStatus;
import io.sovereign.auction.domain.BidBasis;
import java.math.BigDecimal;
import java.time.Instant;

/** An auction as GET /api/v1/auctions shows it: the announced terms, status and creator. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuctionView(
        String auctionId,
        AuctionStatus status,
        AuctionFormat format,
        BidBasis bidBasis,
        SecurityTerms security,
        long offeringAmount,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal maxAwardRatio,
        long nonCompetitiveLimit,
        long minimumBid,
        long bidMultiple,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal rateIncrement,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal priceIncrement,
        Instant biddingOpensAt,
        Instant nonCompetitiveClosesAt,
        Instant competitiveClosesAt,
        String createdBy) {
}
