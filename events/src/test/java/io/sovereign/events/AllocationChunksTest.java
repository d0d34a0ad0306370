package io.sovereign.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AllocationChunksTest {

    private static List<AllocationsPublished.Allocation> allocations(int n) {
        return IntStream.range(0, n).mapToObj(i -> EventCodecTest.allocation("al-" + i, null)).toList();
    }

    @Test
    void twoThousandAllocationsAtMostPerChunkInTheGivenOrder() {
        List<AllocationsPublished> chunks = AllocationChunks.of("a-1", allocations(4_001), 2_000, Integer.MAX_VALUE);

        assertThat(chunks).extracting(c -> c.allocations().size()).containsExactly(2_000, 2_000, 1);
        assertThat(chunks).extracting(AllocationsPublished::chunk).containsExactly(1, 2, 3);
        assertThat(chunks).allSatisfy(c -> assertThat(c.chunkCount()).isEqualTo(3));
        assertThat(chunks.get(1).allocations().get(0).allocationId()).isEqualTo("al-2000");
    }

    @Test
    void everyRecordStaysWellUnderKafkasDefaultMegabyte() {
        List<AllocationsPublished> chunks = AllocationChunks.of("a-1", allocations(5_000));
        assertThat(chunks).hasSizeGreaterThan(2).allSatisfy(c -> assertThat(c.allocations()).hasSizeLessThanOrEqualTo(2_000));
        for (AllocationsPublished chunk : chunks) {
            int bytes = EventCodec.write(CloudEvent.of("auction-core", chunk)).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            assertThat(bytes).isLessThan(AllocationsPublished.MAX_ALLOCATION_BYTES + 1_000).isLessThan(650_000);
        }
    }

    @Test
    void aByteBoundClosesAChunkBeforeTheCountBound() {
        int one = EventCodec.jsonBytes(EventCodecTest.allocation("al-0", null)) + 1;

        List<AllocationsPublished> chunks = AllocationChunks.of("a-1", allocations(10), 2_000, one * 4);

        assertThat(chunks).extracting(c -> c.allocations().size()).containsExactly(4, 4, 2);
    }

    @Test
    void noAllocationsIsOneEmptyChunk() {
        assertThat(AllocationChunks.of("a-1", List.of())).singleElement()
                .satisfies(c -> assertThat(c.allocations()).isEmpty())
                .satisfies(c -> assertThat(c.chunkCount()).isEqualTo(1));
    }
}
