package io.sovereign.auction.rest;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.sovereign.auction.domain.AuctionStatus;
import io.sovereign.auction.service.BidService;
import java.math.BigDecimal;
import java.time.Instant;

/** A retail subscription and, once the auction is published, its award (null before). */
public record SubscriptionView(
        String bidId,
        String auctionId,
        String isin,
        long amount,
        Instant receivedAt,
        String receipt,
        boolean withdrawn,
        AuctionStatus auctionStatus,
        Long accepted,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal price,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal settlementAmount) {

    public static SubscriptionView of(BidService.OwnBid b) {
        return new SubscriptionView(b.bidId(), b.auctionId(), b.isin(), b.amount(), b.receivedAt(), b.receipt(),
                b.withdrawn(), b.auctionStatus(), b.accepted(), b.price(), b.settlementAmount());
    }
}
