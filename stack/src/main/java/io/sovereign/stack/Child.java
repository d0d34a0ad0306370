package io.sovereign.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A server started as a child process, its output in a log file and its pid in a pid file, so
 * that a launcher that crashed can be cleaned up after by the next one ({@link #killLeftovers}).
 */
final class Child {

    private final String name;
    private final Process process;
    private final Path log;
    private final Path pidFile;

    private Child(String name, Process process, Path log, Path pidFile) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.pidFile = pidFile;
    }

    /** Starts {@code command}; {@code marker} is a string of its command line that identifies it later. */
    static Child start(StackConfig config, String name, List<String> command, Path workDir, Map<String, String> env,
            String marker) {
        try {
            Files.createDirectories(config.logs());
            Files.createDirectories(config.pids());
            Path log = config.logs().resolve(name + ".log");
            ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            pb.environment().putAll(env);
            Process p = pb.start();
            Path pidFile = config.pids().resolve(name + ".pid");
            Files.writeString(pidFile, p.pid() + "\n" + marker + "\n", StandardCharsets.UTF_8);
            return new Child(name, p, log, pidFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    String name() {
        return name;
    }

    Path log() {
        return log;
    }

    int exitCode() {
        return process.exitValue();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Fails fast with the end of the log if the process has died. */
    void checkAlive() {
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " exited with code " + process.exitValue() + "; last lines of "
                    + log + ":\n" + tail(log, 25));
        }
    }

    /** SIGTERM to the process and its descendants; SIGKILL for whatever is left after {@code grace}. */
    void stop(Duration grace) {
        terminate(process.toHandle(), grace);
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException ignored) {
            // a stale pid file is cleaned at the next start
        }
    }

    /** SIGKILL to the process and its descendants, as a crash would end them; waits until they are gone. */
    void kill() {
        List<ProcessHandle> tree = new ArrayList<>(process.toHandle().descendants().toList());
        tree.add(0, process.toHandle());
        tree.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle h : tree) {
            try {
                h.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // reported by the port check of the next start
            }
        }
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException ignored) {
            // a stale pid file is cleaned at the next start
        }
    }

    static void terminate(ProcessHandle root, Duration grace) {
        List<ProcessHandle> tree = new ArrayList<>(root.descendants().toList());
        tree.add(0, root);
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle h : tree) {
            long left = Math.max(0, deadline - System.nanoTime());
            try {
                h.onExit().get(left, TimeUnit.NANOSECONDS);
            } catch (Exception timeout) {
                h.descendants().forEach(ProcessHandle::destroyForcibly);
                h.destroyForcibly();
            }
        }
        for (ProcessHandle h : tree) {
            try {
                h.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // reported by the port check of the next start
            }
        }
    }

    /**
     * Kills processes that a previous launcher of this stack directory left behind (it was killed
     * or crashed): those named in pid files whose command line still carries their marker.
     */
    static int killLeftovers(StackConfig config) {
        int killed = 0;
        if (!Files.isDirectory(config.pids())) {
            return 0;
        }
        try (var files = Files.list(config.pids())) {
            for (Path f : files.filter(p -> p.toString().endsWith(".pid")).toList()) {
                List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
                Optional<ProcessHandle> h = lines.isEmpty() ? Optional.empty()
                        : ProcessHandle.of(Long.parseLong(lines.get(0).trim()));
                String marker = lines.size() > 1 ? lines.get(1) : "";
                if (h.isPresent() && h.get().isAlive() && commandLine(h.get().pid()).contains(marker)) {
                    System.out.printf("  stopping %s left over by an earlier run (pid %d)%n",
                            f.getFileName().toString().replace(".pid", ""), h.get().pid());
                    terminate(h.get(), Duration.ofSeconds(15));
                    killed++;
                }
                Files.deleteIfExists(f);
            }
        } catch (IOException | NumberFormatException e) {
            System.out.println("  warning: could not read pid files in " + config.pids() + ": " + e.getMessage());
        }
        return killed;
    }

    /** The full command line of a process (Linux /proc), or "" if it cannot be read. */
    static String commandLine(long pid) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            return new String(raw, StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException e) {
            return ProcessHandle.of(pid).flatMap(h -> h.info().commandLine()).orElse("");
        }
    }

    static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
