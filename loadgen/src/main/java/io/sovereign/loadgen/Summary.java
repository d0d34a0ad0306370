package io.sovereign.loadgen;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * The virtual clients' recorders merged, and the figures of the measured window: sustained
 * accepted bids/s, latency percentiles, answers by status, and whether the goal is met.
 */
final class Summary {

    final Duration window;
    final Histogram latency = Recorder.newHistogram();
    final Histogram acceptedLatency = Recorder.newHistogram();
    final Map<Integer, Long> statusInWindow = new TreeMap<>();
    final Map<String, Long> failuresInWindow = new TreeMap<>();
    final Map<Integer, Long> statusTotal = new TreeMap<>();
    final Map<String, Long> failuresTotal = new TreeMap<>();
    final long[] acceptedPerSecond;
    final List<String> samples = new ArrayList<>();
    long acceptedInWindow;

    private Summary(Duration window, int seconds) {
        this.window = window;
        this.acceptedPerSecond = new long[seconds];
    }

    static Summary of(Duration window, Collection<Recorder> recorders) {
        int seconds = recorders.stream().mapToInt(r -> r.acceptedPerSecond.length).max().orElse(0);
        Summary s = new Summary(window, seconds);
        for (Recorder r : recorders) {
            s.latency.add(r.latency);
            s.acceptedLatency.add(r.acceptedLatency);
            r.statusInWindow.forEach((k, v) -> s.statusInWindow.merge(k, v, Long::sum));
            r.failuresInWindow.forEach((k, v) -> s.failuresInWindow.merge(k, v, Long::sum));
            r.statusTotal.forEach((k, v) -> s.statusTotal.merge(k, v, Long::sum));
            r.failuresTotal.forEach((k, v) -> s.failuresTotal.merge(k, v, Long::sum));
            for (int i = 0; i < r.acceptedPerSecond.length; i++) {
                s.acceptedPerSecond[i] += r.acceptedPerSecond[i];
            }
            s.acceptedInWindow += r.acceptedInWindow;
            for (String sample : r.samples) {
                String status = sample.substring(0, sample.indexOf(' ') + 1);
                if (s.samples.size() < 5 && s.samples.stream().noneMatch(x -> x.startsWith(status))) {
                    s.samples.add(sample);
                }
            }
        }
        return s;
    }

    /** Accepted (201) bids per second over the whole measured window. */
    double acceptedPerSecond() {
        return acceptedInWindow / (window.toNanos() / 1e9);
    }

    /** Requests per second over the window, whatever their answer. */
    double requestsPerSecond() {
        return latency.getTotalCount() / (window.toNanos() / 1e9);
    }

    long nonAcceptedInWindow() {
        long n = failuresInWindow.values().stream().mapToLong(Long::longValue).sum();
        for (Map.Entry<Integer, Long> e : statusInWindow.entrySet()) {
            if (e.getKey() != 201) {
                n += e.getValue();
            }
        }
        return n;
    }

    /** Latency at a percentile (0-100) of every request of the window, in milliseconds. */
    double millisAt(double percentile) {
        return latency.getTotalCount() == 0 ? 0 : latency.getValueAtPercentile(percentile) / 1000.0;
    }

    double maxMillis() {
        return latency.getTotalCount() == 0 ? 0 : latency.getMaxValue() / 1000.0;
    }

    /** The slowest and fastest whole second of the window (by 201s completed in it), for "sustained". */
    long[] minMaxPerSecond() {
        int full = (int) Math.min(acceptedPerSecond.length, window.toSeconds());
        if (full == 0) {
            return new long[] {acceptedInWindow, acceptedInWindow};
        }
        long[] whole = Arrays.copyOf(acceptedPerSecond, full);
        return new long[] {Arrays.stream(whole).min().orElse(0), Arrays.stream(whole).max().orElse(0)};
    }

    /** Accepted bids per second averaged over consecutive slices of the window, e.g. "2100 2050 1980". */
    String trend(int sliceSeconds) {
        int full = (int) Math.min(acceptedPerSecond.length, window.toSeconds());
        if (full < 2 * sliceSeconds) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (int from = 0; from + sliceSeconds <= full; from += sliceSeconds) {
            long sum = 0;
            for (int i = from; i < from + sliceSeconds; i++) {
                sum += acceptedPerSecond[i];
            }
            parts.add(String.valueOf(Math.round(sum / (double) sliceSeconds)));
        }
        return String.join(" ", parts);
    }

    /** Why the goal is missed, one reason a line; empty when it is met. */
    List<String> goalMisses(double goalBidsPerSecond, double goalP99Millis, Duration goalDuration) {
        List<String> misses = new ArrayList<>();
        if (window.compareTo(goalDuration) < 0) {
            misses.add(String.format(Locale.ROOT, "measured window %d s is shorter than the goal's %d s",
                    window.toSeconds(), goalDuration.toSeconds()));
        }
        if (acceptedPerSecond() < goalBidsPerSecond) {
            misses.add(String.format(Locale.ROOT, "%.0f accepted bids/s < %.0f", acceptedPerSecond(), goalBidsPerSecond));
        }
        if (millisAt(99) > goalP99Millis) {
            misses.add(String.format(Locale.ROOT, "p99 %.1f ms > %.0f ms", millisAt(99), goalP99Millis));
        }
        if (latency.getTotalCount() == 0) {
            misses.add("no request completed in the measured window");
        }
        return misses;
    }

    /** The figures as the report prints them. */
    String render() {
        StringBuilder b = new StringBuilder();
        long[] mm = minMaxPerSecond();
        b.append(String.format(Locale.ROOT, "measured window     %d s%n", window.toSeconds()));
        b.append(String.format(Locale.ROOT, "accepted bids (201) %d completed in the window = %.1f bids/s sustained (slowest second %d, fastest %d)%n",
                acceptedInWindow, acceptedPerSecond(), mm[0], mm[1]));
        String trend = trend(10);
        if (!trend.isEmpty()) {
            b.append("201/s per 10 s      ").append(trend).append('\n');
        }
        b.append(String.format(Locale.ROOT, "requests sent       %d = %.1f req/s, %d not accepted%n",
                latency.getTotalCount(), requestsPerSecond(), nonAcceptedInWindow()));
        b.append(String.format(Locale.ROOT, "latency (all)       p50 %s  p90 %s  p99 %s  p99.9 %s  max %s%n",
                ms(millisAt(50)), ms(millisAt(90)), ms(millisAt(99)), ms(millisAt(99.9)), ms(maxMillis())));
        if (acceptedLatency.getTotalCount() > 0) {
            b.append(String.format(Locale.ROOT, "latency (201 only)  p50 %s  p90 %s  p99 %s  p99.9 %s  max %s%n",
                    ms(acceptedLatency.getValueAtPercentile(50) / 1000.0),
                    ms(acceptedLatency.getValueAtPercentile(90) / 1000.0),
                    ms(acceptedLatency.getValueAtPercentile(99) / 1000.0),
                    ms(acceptedLatency.getValueAtPercentile(99.9) / 1000.0),
                    ms(acceptedLatency.getMaxValue() / 1000.0)));
        }
        b.append("answers in window   ").append(counts(statusInWindow, failuresInWindow)).append('\n');
        b.append("answers, whole run  ").append(counts(statusTotal, failuresTotal)).append('\n');
        for (String s : samples) {
            b.append("  e.g. ").append(s.replace('\n', ' ')).append('\n');
        }
        return b.toString();
    }

    private static String counts(Map<Integer, Long> status, Map<String, Long> failures) {
        if (status.isEmpty() && failures.isEmpty()) {
            return "none";
        }
        List<String> parts = new ArrayList<>();
        status.forEach((k, v) -> parts.add(k + ": " + v));
        failures.forEach((k, v) -> parts.add(k + ": " + v));
        return String.join(", ", parts);
    }

    static String ms(double millis) {
        return millis >= 100 ? String.format(Locale.ROOT, "%.0f ms", millis)
                : String.format(Locale.ROOT, "%.2f ms", millis);
    }
}
