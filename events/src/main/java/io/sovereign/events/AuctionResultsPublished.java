package io.sovereign.events;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The supervisor published the results. The allocations follow as {@code chunkCount}
 * {@link AllocationsPublished} events on the same key ({@code allocationCount} allocations in
 * all, zero awards included): one record per auction would outgrow Kafka's record limit.
 */
public record AuctionResultsPublished(
        String auctionId,
        String isin,
        String securityType,
        LocalDate issueDate,
        LocalDate maturityDate,
        LocalDate datedDate,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal couponRate,
        /* accrued interest per 100 of par, 6 decimals (zero for bills and for an issue not reopened) */
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal accruedInterest,
        Instant publishedAt,
        String publishedBy,
        int allocationCount,
        int chunkCount) implements AuctionEvent {
}
