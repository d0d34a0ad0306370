package io.sovereign.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sovereign.e2e.AuctionDriver.Auction;
import io.sovereign.e2e.AuctionDriver.Award;
import io.sovereign.e2e.SettlementApi.Instruction;
import io.sovereign.events.AllocationsPublished;
import io.sovereign.events.AuctionResultsPublished;
import io.sovereign.events.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A large auction from the intake to the chain, shared by {@code BigAuctionIT} (the size the
 * suite affords) and {@code BigAuctionBenchmark} (100,000 bids, by hand): the three dealers place
 * every bid through {@code POST /bids} (32 in flight), desk1 closes, desk2 publishes, and then every
 * allocation is settled: minted once, debited once, AllocationSettled once, with no record above
 * 1 MB on any topic and the results in chunks of at most 2,000 allocations.
 */
final class BigAuction {

    private BigAuction() {
    }

    static void run(int bids) {
        List.of("desk1", "desk2", "operator1").forEach(Tokens::user);
        SettlementCrashIT.DEALERS.forEach(Tokens::dealer);
        // undersubscribed: every bid is awarded, so every bid is an allocation to settle
        Auction a = SettlementCrashIT.announce(bids);
        long t0 = System.nanoTime();
        // 10,000 at a time: each batch's bids carry tokens fetched then (a token lives 5 minutes)
        for (int placed = 0; placed < bids; placed += 10_000) {
            AuctionDriver.bid(a, SettlementCrashIT.bids(Math.min(10_000, bids - placed)), 32);
        }
        double bidding = (System.nanoTime() - t0) / 1e9;
        System.out.printf("%,d bids placed through the intake in %.1f s (%.0f bids/s, 32 in flight)%n", bids, bidding,
                bids / bidding);
        long t1 = System.nanoTime();
        AuctionDriver.close(a);
        List<Award> awards = AuctionDriver.publish(a);
        assertThat(awards).hasSize(bids);
        long t2 = System.nanoTime();
        Map<String, Instruction> done = awaitSettled(a, bids, Duration.ofSeconds(300 + bids / 20));
        System.out.printf("closed and published in %.1f s; %,d allocations settled %.1f s after publication%n",
                (t2 - t1) / 1e9, bids, (System.nanoTime() - t2) / 1e9);
        SettlementCrashIT.assertEveryAllocationSettledOnce(a, awards, done);

        AuctionResultsPublished results = TopicRecords.events(Topics.AUCTION_EVENTS, a.id(), AuctionResultsPublished.class)
                .get(0);
        List<AllocationsPublished> chunks = TopicRecords.events(Topics.AUCTION_EVENTS, a.id(), AllocationsPublished.class);
        assertThat(results.allocationCount()).isEqualTo(bids);
        assertThat(chunks).hasSize(results.chunkCount())
                .allSatisfy(c -> assertThat(c.allocations()).hasSizeLessThanOrEqualTo(2_000));
        assertThat(chunks.stream().mapToInt(c -> c.allocations().size()).sum()).isEqualTo(bids);
        ChunkedResultsIT.assertEveryRecordUnderOneMegabyte();
        System.out.printf("%,d allocations in %d chunks; every record on every topic under 1 MB%n", bids,
                results.chunkCount());
    }

    /**
     * Every instruction final, every one SETTLED: counted through the publication's view and the
     * instruction list, looked at every 5 s (the list of a big auction is tens of megabytes).
     */
    private static Map<String, Instruction> awaitSettled(Auction a, int count, Duration atMost) {
        ChunkedResultsIT.awaitPublication(a, "BOOKED");
        Map<String, Instruction> last = new java.util.LinkedHashMap<>();
        await().atMost(atMost).pollInterval(Duration.ofSeconds(5)).until(() -> {
            last.clear();
            last.putAll(SettlementApi.instructions(a.id()));
            return last.size() == count && last.values().stream().allMatch(i -> i.status().equals("SETTLED")
                    || i.status().equals("FAILED"));
        });
        return last;
    }
}
