package io.sovereign.loadgen;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * CPU use over the measured window: this JVM's own CPU time and, on Linux, the whole machine's
 * busy share from /proc/stat, so a report says how much of the cores the load generator took
 * from the stack it measures.
 */
record CpuSample(long nanos, Duration processCpu, long machineBusy, long machineTotal) {

    static CpuSample now() {
        Duration cpu = ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
        long busy = -1;
        long total = -1;
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            // cpu user nice system idle iowait irq softirq steal ...
            long sum = 0;
            for (int i = 1; i < Math.min(f.length, 9); i++) {
                sum += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            total = sum;
            busy = sum - idle;
        } catch (IOException | RuntimeException e) {
            // not Linux: the machine's share is left out
        }
        return new CpuSample(System.nanoTime(), cpu, busy, total);
    }

    /** "loadgen used 0.62 of 2 cores; machine 97% busy" between two samples. */
    static String describe(CpuSample from, CpuSample to, int cores) {
        double wall = (to.nanos - from.nanos) / 1e9;
        double own = to.processCpu.minus(from.processCpu).toNanos() / 1e9 / wall;
        String s = String.format(Locale.ROOT, "loadgen used %.2f of %d cores", own, cores);
        if (from.machineTotal >= 0 && to.machineTotal > from.machineTotal) {
            double busy = 100.0 * (to.machineBusy - from.machineBusy) / (to.machineTotal - from.machineTotal);
            s += String.format(Locale.ROOT, "; machine %.0f%% busy (all processes: stack, loadgen, anything else)", busy);
        }
        return s;
    }
}
