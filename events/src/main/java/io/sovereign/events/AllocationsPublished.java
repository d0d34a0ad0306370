package io.sovereign.events;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One chunk of a published auction's allocations ({@code chunk} of {@code chunkCount}, from 1),
 * on the auction's topic and key after its {@link AuctionResultsPublished}. A chunk holds at most
 * {@link #MAX_ALLOCATIONS} allocations and at most {@link #MAX_ALLOCATION_BYTES} bytes of them, so
 * that every record stays well under Kafka's default 1 MB limit whatever the auction's size.
 */
public record AllocationsPublished(String auctionId, int chunk, int chunkCount, List<Allocation> allocations)
        implements AuctionEvent {

    /** Allocations per chunk at most (the contract's bound). */
    public static final int MAX_ALLOCATIONS = 2_000;

    /**
     * Serialised allocations per chunk at most (600,000 bytes). An allocation is about 370 bytes of
     * JSON, 410 with a retail wallet (EventCodecTest measures it), so a chunk holds some 1,450 to
     * 1,600 allocations and its record, envelope included, stays near 0.6 MB: 40 % below Kafka's
     * default 1 MiB limit (message.max.bytes, max.request.size), with room for longer ids.
     */
    public static final int MAX_ALLOCATION_BYTES = 600_000;

    public AllocationsPublished {
        allocations = List.copyOf(allocations);
        if (chunk < 1 || chunk > chunkCount) {
            throw new IllegalArgumentException("chunk " + chunk + " of " + chunkCount);
        }
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
