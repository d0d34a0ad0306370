package io.sovereign.auction.rest;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.sovereign.auction.domain.BidBasis;
import io.sovereign.auction.service.AuctionResults;
import java.math.BigDecimal;
import java.util.List;

/** GET /api/v1/auctions/{id}/book: the aggregated demand, best level first. */
public record BookView(
        String auctionId,
        long offeringAmount,
        long totalTendered,
        long nonCompetitive,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal cover,
        List<Level> levels) {

    /** One level: {@code rate} (or {@code price} on PRICE basis), the amount bid at it, and the running total. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Level(
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal rate,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal price,
            long amount,
            long cumulative) {
    }

    public static BookView of(AuctionResults.Book b) {
        boolean onPrice = b.basis() == BidBasis.PRICE;
        return new BookView(b.auctionId(), b.offeringAmount(), b.totalTendered(), b.nonCompetitive(), b.cover(),
                b.levels().stream().map(l -> new Level(onPrice ? null : l.value(), onPrice ? l.value() : null, l.amount(),
                        l.cumulative())).toList());
    }
}
