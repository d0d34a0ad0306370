package io.sovereign.auction.rest;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.sovereign.auction.domain.BidBasis;
import io.sovereign.auction.service.BidService;
import java.math.BigDecimal;
import java.time.Instant;

/** A bid as its own bidder sees it; {@code rate} or {@code price} by the auction's basis. */
public record OwnBidView(
        String bidId,
        String auctionId,
        String bidderId,
        String kind,
        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal rate,
        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal price,
        long amount,
        long netLongPosition,
        Instant receivedAt,
        String receipt,
        boolean withdrawn,
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant withdrawnAt) {

    public static OwnBidView of(BidService.OwnBid b) {
        boolean onPrice = b.basis() == BidBasis.PRICE;
        return new OwnBidView(b.bidId(), b.auctionId(), b.bidderId(), b.kind().name(), onPrice ? null : b.value(),
                onPrice ? b.value() : null, b.amount(), b.netLongPosition(), b.receivedAt(), b.receipt(), b.withdrawn(),
                b.withdrawnAt());
    }
}
