package io.sovereign.auction.rest;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.sovereign.auction.service.AuctionResults;
import java.math.BigDecimal;

/** One of the caller's awards: par accepted, price per 100, and what it pays (2 decimals). */
public record AllocationView(
        String allocationId,
        String auctionId,
        String bidId,
        String kind,
        long accepted,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal price,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal accruedInterest,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal settlementAmount) {

    public static AllocationView of(AuctionResults.StoredAllocation a) {
        return new AllocationView(a.allocationId(), a.auctionId(), a.bidId(), a.kind(), a.accepted(), a.price(),
                a.accruedInterest(), a.settlementAmount());
    }
}
