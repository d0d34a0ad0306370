package io.sovereign.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The report's arithmetic on made-up timestamps: no clock, no server. */
class SummaryTest {

    private static final long S = 1_000_000_000L;
    private static final long MS = 1_000_000L;

    @Test
    void percentilesThroughputAndStatusesOfTheWindowOnly() {
        // window [10 s, 20 s)
        Recorder a = new Recorder(10 * S, 20 * S);
        Recorder b = new Recorder(10 * S, 20 * S);
        // 1000 accepted bids inside the window: latencies 1..1000 ms, split over two clients
        for (int i = 1; i <= 1000; i++) {
            long start = 10 * S + i * 8 * MS; // 8 ms apart, sent and answered inside
            Recorder r = i % 2 == 0 ? a : b;
            r.answer(start, start + i * MS, 201, bid(i), ack(i), null);
        }
        // two rejections in the window, one timeout, and a warm-up request that must not count
        a.answer(12 * S, 12 * S + MS, 409, bid(2001), null, "{\"status\":409}");
        b.answer(13 * S, 13 * S + 2 * MS, 400, bid(2002), null, "{\"status\":400}");
        a.failure(14 * S, 24 * S, "timeout", bid(2003), true);
        b.answer(5 * S, 5 * S + 500 * MS, 201, bid(2004), ack(2004), null);

        Summary s = Summary.of(Duration.ofSeconds(10), List.of(a, b));

        assertThat(s.acceptedInWindow).isEqualTo(1000);
        assertThat(s.acceptedPerSecond()).isEqualTo(100.0);
        assertThat(s.latency.getTotalCount()).isEqualTo(1003);
        assertThat(s.nonAcceptedInWindow()).isEqualTo(3);
        assertThat(s.statusInWindow).containsEntry(201, 1000L).containsEntry(409, 1L).containsEntry(400, 1L);
        assertThat(s.failuresInWindow).containsEntry("timeout", 1L);
        assertThat(s.statusTotal).containsEntry(201, 1001L);
        // HdrHistogram at 3 significant digits: within 0.1%
        assertThat(s.acceptedLatency.getValueAtPercentile(50) / 1000.0).isCloseTo(500, within(1.0));
        assertThat(s.acceptedLatency.getValueAtPercentile(99) / 1000.0).isCloseTo(990, within(1.0));
        assertThat(s.maxMillis()).isCloseTo(10_000, within(10.0)); // the timeout
        assertThat(s.millisAt(50)).isCloseTo(499, within(2.0));
        long[] minMax = s.minMaxPerSecond();
        assertThat(minMax[0]).isLessThanOrEqualTo(minMax[1]);
        assertThat(java.util.Arrays.stream(s.acceptedPerSecond).sum()).isLessThanOrEqualTo(1000);

        String text = s.render();
        assertThat(text).contains("accepted bids (201) 1000 completed in the window = 100.0 bids/s")
                .contains("201: 1000, 400: 1, 409: 1, timeout: 1")
                .contains("e.g. 409 {\"status\":409}");
    }

    @Test
    void goalNamesEveryMiss() {
        Recorder r = new Recorder(0, 60 * S);
        for (int i = 0; i < 150_000; i++) {
            long start = i * 400_000L; // 2500 per second
            r.answer(start, start + 5 * MS, 201, bid(i), ack(i), null);
        }
        Summary met = Summary.of(Duration.ofSeconds(60), List.of(r));
        assertThat(met.acceptedPerSecond()).isCloseTo(2500.0, within(0.5)); // the last 5 ms of answers fall after the window
        assertThat(met.goalMisses(2000, 100, Duration.ofSeconds(60))).isEmpty();
        // completions at start + 5 ms: each second holds 2500 but the first
        assertThat(met.trend(20)).matches("\\d+ 2500 \\d+");
        assertThat(met.goalMisses(3000, 4, Duration.ofSeconds(60)))
                .containsExactly("2500 accepted bids/s < 3000", "p99 5.0 ms > 4 ms");

        Summary shortRun = Summary.of(Duration.ofSeconds(5), List.of(new Recorder(0, 5 * S)));
        assertThat(shortRun.goalMisses(2000, 100, Duration.ofSeconds(60)))
                .contains("measured window 5 s is shorter than the goal's 60 s",
                        "no request completed in the measured window");
    }

    @Test
    void ratesOnTheIncrement() {
        assertThat(SentBid.rate(3202)).isEqualTo("3.202");
        assertThat(SentBid.rate(3005)).isEqualTo("3.005");
        assertThat(SentBid.rate(3050)).isEqualTo("3.050");
        assertThat(SentBid.rate(12000)).isEqualTo("12.000");
        assertThat(bid(1).json()).isEqualTo(
                "{\"kind\":\"COMPETITIVE\",\"rate\":\"3.001\",\"amount\":100,\"netLongPosition\":0}");
    }

    static SentBid bid(int i) {
        return new SentBid("dealer-0" + (1 + i % 3), "k" + i, 3000 + i % 500, 100L * i);
    }

    static Ack ack(int i) {
        return new Ack(bid(i), "bid-" + i, "2026-01-01T00:00:00.000000Z");
    }
}
