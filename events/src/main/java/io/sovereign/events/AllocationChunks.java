package io.sovereign.events;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a published auction's allocations into {@link AllocationsPublished} chunks: in the given
 * order, a chunk closes at {@link AllocationsPublished#MAX_ALLOCATIONS} allocations or before its
 * serialised allocations would pass {@link AllocationsPublished#MAX_ALLOCATION_BYTES}.
 */
public final class AllocationChunks {

    private AllocationChunks() {
    }

    public static List<AllocationsPublished> of(String auctionId, List<AllocationsPublished.Allocation> allocations) {
        return of(auctionId, allocations, AllocationsPublished.MAX_ALLOCATIONS, AllocationsPublished.MAX_ALLOCATION_BYTES);
    }

    static List<AllocationsPublished> of(String auctionId, List<AllocationsPublished.Allocation> allocations,
            int maxAllocations, int maxBytes) {
        List<List<AllocationsPublished.Allocation>> parts = new ArrayList<>();
        List<AllocationsPublished.Allocation> current = new ArrayList<>();
        long bytes = 0;
        for (AllocationsPublished.Allocation a : allocations) {
            int size = EventCodec.jsonBytes(a) + 1; // the comma between array elements
            if (!current.isEmpty() && (current.size() == maxAllocations || bytes + size > maxBytes)) {
                parts.add(current);
                current = new ArrayList<>();
                bytes = 0;
            }
            current.add(a);
            bytes += size;
        }
        if (!current.isEmpty() || parts.isEmpty()) {
            // an auction without allocations still has one (empty) chunk: the consumer's rule stays "all chunks"
            parts.add(current);
        }
        List<AllocationsPublished> chunks = new ArrayList<>(parts.size());
        for (int i = 0; i < parts.size(); i++) {
            chunks.add(new AllocationsPublished(auctionId, i + 1, parts.size(), parts.get(i)));
        }
        return chunks;
    }
}
