package io.sovereign.events;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The supervisor published the results; every non-zero allocation goes to settlement. */
public record AuctionResultsPublished(
        String auctionId,
        String isin,
        String securityType,
        LocalDate issueDate,
        LocalDate maturityDate,
        LocalDate datedDate,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal couponRate,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal accruedInterest,
        Instant publishedAt,
        String publishedBy,
        List<Allocation> allocations) implements AuctionEvent {

    public AuctionResultsPublished {
        allocations = List.copyOf(allocations);
    }

    /** One award: {@code accepted} par at {@code price} per 100. */
    public record Allocation(
            String allocationId,
            String bidId,
            String bidderId,
            String kind,
            long accepted,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal price) {
    }
}
