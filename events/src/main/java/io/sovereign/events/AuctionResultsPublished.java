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
        /* accrued interest per 100 of par, 6 decimals (zero for bills and for an issue not reopened) */
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal accruedInterest,
        Instant publishedAt,
        String publishedBy,
        List<Allocation> allocations) implements AuctionEvent {

    public AuctionResultsPublished {
        allocations = List.copyOf(allocations);
    }

    /**
     * One allocation (every bid has one; settlement acts on those with {@code accepted > 0}):
     * {@code accepted} par at {@code price} per 100; the buyer pays {@code settlementAmount} =
     * accepted x price / 100 + {@code accruedInterest}, both in currency units with 2 decimals;
     * {@code walletAddress} is the retail investor's wallet (null for dealers, whose wallet
     * settlement takes from the investor register).
     */
    public record Allocation(
            String allocationId,
            String auctionId,
            String isin,
            String bidId,
            String bidderId,
            String kind,
            long accepted,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal price,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal accruedInterest,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal settlementAmount,
            LocalDate issueDate,
            String walletAddress) {
    }
}
