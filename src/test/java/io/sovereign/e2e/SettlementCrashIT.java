package io.sovereign.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sovereign.e2e.AuctionDriver.Auction;
import io.sovereign.e2e.AuctionDriver.Award;
import io.sovereign.e2e.AuctionDriver.Bid;
import io.sovereign.e2e.SettlementApi.Instruction;
import io.sovereign.events.AllocationSettled;
import io.sovereign.events.AuctionResultsPublished;
import io.sovereign.events.Topics;
import io.sovereign.stack.Service;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Crashes in the middle of a settlement: settlement killed with SIGKILL while it mints 1,000
 * allocations, and the Kafka broker restarted while settlement consumes the 3,000 allocations of
 * an auction (results and two chunks) and publishes. Afterwards every
 * allocation is minted exactly once, every cash debit is booked once, and no event is lost.
 */
@Tag("faults")
@ExtendWith(PlatformStack.class)
class SettlementCrashIT {

    static final List<String> DEALERS = List.of("dealer-01", "dealer-02", "dealer-03");

    /** {@code count} bids of 100,000 from the three dealers, on 50 rate levels: an undersubscribed auction awards them all. */
    static List<Bid> bids(int count) {
        List<Bid> bids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String rate = new BigDecimal("3.100").add(BigDecimal.valueOf(i % 50, 3)).toPlainString();
            bids.add(Bid.competitive(Tokens.dealer(DEALERS.get(i % 3)), rate, 100_000));
        }
        return bids;
    }

    static Auction announce(int allocations) {
        LocalDate issue = LocalDate.now().plusDays(7);
        // 100,000 per bid against an offering ten times the demand: every bid is awarded in full
        return AuctionDriver.announceNote(issue, issue.plusYears(5), 1_000_000L * allocations);
    }

    @Test
    void settlementKilledWhileMintingMintsEveryAllocationOnceAfterItsRestart() {
        List.of("desk1", "desk2", "operator1").forEach(Tokens::user);
        DEALERS.forEach(Tokens::dealer);
        Auction a = announce(1_000);
        List<Award> awards = AuctionDriver.run(a, bids(1_000));
        assertThat(awards).hasSize(1_000);

        // kill while a batch is in flight: its transaction recorded (the hash shows on its instructions,
        // still PENDING) and sent, its receipt not yet booked
        long[] settledAtKill = new long[1];
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(50)).until(() -> {
            Map<String, Instruction> now = SettlementApi.instructions(a.id());
            settledAtKill[0] = now.values().stream().filter(i -> i.status().equals("SETTLED")).count();
            return now.values().stream().anyMatch(i -> i.status().equals("PENDING") && i.txHash() != null);
        });
        PlatformStack.stack().killService(Service.SETTLEMENT);
        System.out.printf("settlement killed with %d of 1,000 allocations settled and a batch in flight%n", settledAtKill[0]);
        assertThat(settledAtKill[0]).as("allocations settled when settlement was killed").isLessThan(1_000);
        PlatformStack.stack().startService(Service.SETTLEMENT);

        Map<String, Instruction> done = SettlementApi.awaitFinal(a.id(), 1_000, Duration.ofSeconds(180));
        assertEveryAllocationSettledOnce(a, awards, done);
    }

    /** 3,000 allocations: the results and two AllocationsPublished chunks in flight when the broker goes. */
    @Test
    void theBrokerRestartedWhileSettlementConsumesAndPublishesLosesNothing() {
        List.of("desk1", "desk2", "operator1").forEach(Tokens::user);
        DEALERS.forEach(Tokens::dealer);
        Auction a = announce(3_000);
        AuctionDriver.bid(a, bids(3_000), 4);
        AuctionDriver.close(a);
        List<Award> awards = AuctionDriver.publish(a);
        // the results are on their way through auction-core's outbox; settlement consumes them,
        // settles and sends 3,000 AllocationSettled through its own outbox meanwhile
        PlatformStack.stack().restartKafka();

        Map<String, Instruction> done = SettlementApi.awaitFinal(a.id(), 3_000, Duration.ofSeconds(300));
        assertThat(TopicRecords.events(Topics.AUCTION_EVENTS, a.id(), AuctionResultsPublished.class))
                .singleElement().satisfies(r -> assertThat(r.chunkCount()).isGreaterThanOrEqualTo(2));
        assertEveryAllocationSettledOnce(a, awards, done);
    }

    static void assertEveryAllocationSettledOnce(Auction a, List<Award> awards, Map<String, Instruction> done) {
        assertThat(done.values()).allSatisfy(i -> assertThat(i.status()).as(i.allocationId()).isEqualTo("SETTLED"));
        String token = SettlementApi.awaitToken(a.isin());
        // the chain: one AllocationMinted per allocation, supply and balances equal to the awards
        Map<String, Long> mintsPerId = Chain.mintEvents(token).stream().collect(Collectors.groupingBy(
                l -> l.getTopics().get(1), Collectors.counting()));
        assertThat(mintsPerId).hasSize(awards.size()).allSatisfy((id, n) -> assertThat(n).isEqualTo(1));
        awards.forEach(aw -> assertThat(Chain.allocationMinted(token, aw.allocationId())).isTrue());
        assertThat(Chain.totalSupply(token)).isEqualTo(awards.stream().mapToLong(Award::accepted).sum());
        Map<String, Long> perDealer = awards.stream().collect(Collectors.groupingBy(Award::bidderId,
                Collectors.summingLong(Award::accepted)));
        Map<String, String> wallets = done.values().stream().collect(Collectors.toMap(Instruction::investorId,
                Instruction::walletAddress, (x, y) -> x));
        perDealer.forEach((dealer, amount) -> assertThat(Chain.balanceOf(token, wallets.get(dealer))).isEqualTo(amount));
        // the cash: one debit per allocation, of its amount
        for (String dealer : DEALERS) {
            Map<String, BigDecimal> debits = SettlementApi.movements(dealer, "settle:");
            done.values().stream().filter(i -> i.investorId().equals(dealer)).forEach(i -> assertThat(
                    debits.get("settle:" + i.allocationId())).as(i.allocationId()).isEqualByComparingTo(i.cashAmount().negate()));
        }
        // the events: AllocationSettled for every allocation, one event (a relay may send it twice, with its id)
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Map<String, List<String>> ids = SettlementApi.eventIds(AllocationSettled.class);
            awards.forEach(aw -> assertThat(ids.get(aw.allocationId())).as(aw.allocationId()).isNotEmpty()
                    .allMatch(id -> id.equals(ids.get(aw.allocationId()).get(0))));
        });
    }
}
