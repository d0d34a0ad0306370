package io.sovereign.loadgen;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;

/**
 * What one virtual client saw; written by that client's thread only, read after it has ended (the
 * join publishes it). Throughput counts the 201s that completed inside the measured window;
 * latency and answers by status count the requests sent (in the open loop: due) inside it, in
 * microseconds from that instant to the answer.
 */
final class Recorder {

    /** Latencies up to two minutes at 3 significant digits (0.1% error), in microseconds. */
    static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(2);

    private final long windowStartNanos;
    private final long windowEndNanos;

    final Histogram latency = newHistogram();
    final Histogram acceptedLatency = newHistogram();
    /** HTTP status → count, inside the window. */
    final Map<Integer, Long> statusInWindow = new TreeMap<>();
    /** Failure without an HTTP answer (exception class) → count, inside the window. */
    final Map<String, Long> failuresInWindow = new TreeMap<>();
    /** The same over the whole run, warm-up included. */
    final Map<Integer, Long> statusTotal = new TreeMap<>();
    final Map<String, Long> failuresTotal = new TreeMap<>();
    /** 201s per whole second of the window, by completion time. */
    final long[] acceptedPerSecond;
    long acceptedInWindow;

    /** Every 201, warm-up included: the durability check needs them all. */
    final List<Ack> acks = new ArrayList<>();
    /** Bids whose outcome the client cannot know (no answer, timeout, 5xx): each may or may not be stored. */
    final List<SentBid> unknownOutcome = new ArrayList<>();
    /** The first body of each unexpected status (at most five), for the report. */
    final List<String> samples = new ArrayList<>();

    /** Shared by every client, read by the progress line while the run goes on. */
    private final Progress progress;

    Recorder(long windowStartNanos, long windowEndNanos) {
        this(windowStartNanos, windowEndNanos, new Progress());
    }

    Recorder(long windowStartNanos, long windowEndNanos, Progress progress) {
        this.progress = progress;
        this.windowStartNanos = windowStartNanos;
        this.windowEndNanos = windowEndNanos;
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(windowEndNanos - windowStartNanos + 999_999_999L));
        this.acceptedPerSecond = new long[(int) seconds];
    }

    static Histogram newHistogram() {
        return new Histogram(HIGHEST_MICROS, 3);
    }

    boolean inWindow(long nanos) {
        return nanos - windowStartNanos >= 0 && nanos - windowEndNanos < 0;
    }

    /** An HTTP answer. {@code startNanos} is when the request was sent (closed loop) or due (open loop). */
    void answer(long startNanos, long endNanos, int status, SentBid bid, Ack ack, String body) {
        increment(statusTotal, status);
        (ack != null ? progress.accepted : progress.other).increment();
        if (ack != null) {
            acks.add(ack);
        } else if (status >= 500) {
            unknownOutcome.add(bid);
        }
        if (status != 201 && body != null && samples.size() < 5
                && samples.stream().noneMatch(x -> x.startsWith(status + " "))) {
            samples.add(status + " " + (body.length() > 300 ? body.substring(0, 300) + "…" : body));
        }
        if (ack != null && inWindow(endNanos)) {
            // throughput: 201s completed inside the window (in the open loop a late answer counts when it comes)
            acceptedInWindow++;
            acceptedPerSecond[(int) ((endNanos - windowStartNanos) / 1_000_000_000L)]++;
        }
        if (!inWindow(startNanos)) {
            return;
        }
        increment(statusInWindow, status);
        long micros = micros(endNanos - startNanos);
        latency.recordValue(micros);
        if (ack != null) {
            acceptedLatency.recordValue(micros);
        }
    }

    /** No HTTP answer: connection refused or reset, timeout. Counted with its latency (the time lost). */
    void failure(long startNanos, long endNanos, String kind, SentBid bid, boolean maybeStored) {
        increment(failuresTotal, kind);
        progress.other.increment();
        if (maybeStored) {
            unknownOutcome.add(bid);
        }
        if (!inWindow(startNanos)) {
            return;
        }
        increment(failuresInWindow, kind);
        latency.recordValue(micros(endNanos - startNanos));
    }

    /** Live counters over every client, for the progress line. */
    static final class Progress {
        final LongAdder accepted = new LongAdder();
        final LongAdder other = new LongAdder();
    }

    private static long micros(long nanos) {
        return Math.min(HIGHEST_MICROS, Math.max(0, nanos / 1000));
    }

    private static <K> void increment(Map<K, Long> m, K key) {
        m.merge(key, 1L, Long::sum);
    }
}
