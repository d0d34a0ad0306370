package io.sovereign.loadgen;

import static io.sovereign.loadgen.SummaryTest.ack;
import static io.sovereign.loadgen.SummaryTest.bid;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DurabilityTest {

    private static StoredBid stored(Ack a) {
        SentBid b = a.bid();
        return new StoredBid(a.bidId(), b.dealer(), "COMPETITIVE", b.rate(), b.amount(), false);
    }

    private static Map<String, List<StoredBid>> byDealer(List<StoredBid> bids) {
        Map<String, List<StoredBid>> m = new java.util.TreeMap<>();
        for (StoredBid s : bids) {
            m.computeIfAbsent(s.bidderId(), k -> new ArrayList<>()).add(s);
        }
        return m;
    }

    @Test
    void everyAcknowledgedBidStoredOnceIsOk() {
        List<Ack> acks = List.of(ack(1), ack(2), ack(3));
        Durability d = Durability.check(acks, List.of(), byDealer(acks.stream().map(DurabilityTest::stored).toList()));
        assertThat(d.ok()).isTrue();
        assertThat(d.intact).isEqualTo(3);
        assertThat(d.render()).contains("durability          OK");
        assertThat(d.receivedAtNotMicros).isEmpty();
        Durability millis = Durability.check(List.of(new Ack(bid(9), "bid-9", "2026-01-01T00:00:00.120Z")), List.of(),
                byDealer(List.of(stored(ack(9)))));
        assertThat(millis.receivedAtNotMicros).containsExactly("2026-01-01T00:00:00.120Z");
        assertThat(millis.ok()).isTrue();
    }

    @Test
    void missingDuplicatedAlteredAndUnexplainedAreCounted() {
        List<Ack> acks = List.of(ack(1), ack(2), ack(3), ack(4));
        List<StoredBid> s = new ArrayList<>();
        s.add(stored(ack(1)));
        s.add(stored(ack(1)));                                  // stored twice
        s.add(new StoredBid("bid-3", bid(3).dealer(), "COMPETITIVE", "9.999", bid(3).amount(), false)); // altered
        s.add(stored(ack(4)));
        // ack 2 missing; a timeout whose bid got stored (explained), and a stranger (unexplained)
        s.add(new StoredBid("x1", bid(7).dealer(), "COMPETITIVE", bid(7).rate(), bid(7).amount(), false));
        s.add(new StoredBid("x2", bid(8).dealer(), "COMPETITIVE", bid(8).rate(), bid(8).amount(), false));
        Durability d = Durability.check(acks, List.of(bid(7)), byDealer(s));

        assertThat(d.ok()).isFalse();
        assertThat(d.missing).containsExactly("bid-2");
        assertThat(d.storedTwice).containsExactly("bid-1");
        assertThat(d.altered).hasSize(1);
        assertThat(d.intact).isEqualTo(2);
        assertThat(d.unacknowledgedExplained).isEqualTo(1);
        assertThat(d.unacknowledgedUnexplained).containsExactly("x2");
        assertThat(d.render()).contains("missing             1 e.g. bid-2").contains("durability          FAILED");
    }

    @Test
    void unknownOutcomesThatWereNotStoredAreFine() {
        List<Ack> acks = List.of(ack(1));
        Durability d = Durability.check(acks, List.of(bid(5), bid(6)), byDealer(List.of(stored(ack(1)))));
        assertThat(d.ok()).isTrue();
        assertThat(d.unknownOutcomes).isEqualTo(2);
        assertThat(d.unacknowledgedExplained).isZero();
    }
}
