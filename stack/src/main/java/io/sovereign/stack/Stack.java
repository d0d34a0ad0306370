package io.sovereign.stack;

import io.sovereign.events.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The running platform: servers first (PostgreSQL, Kafka, Keycloak, EVM node, in parallel), then
 * the four services, each awaited on its readiness check. {@link #close} stops everything in
 * reverse order and leaves no process behind. One stack per directory: a lock file keeps a
 * second launcher out, and leftovers of a crashed one are stopped before starting.
 */
public final class Stack implements AutoCloseable {

    private final StackConfig config;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final List<Child> children = new ArrayList<>();
    private final Map<Service, Child> services = new EnumMap<>(Service.class);
    private PostgresServer postgres;
    private ExternalServers external;
    private volatile boolean closed;

    private Stack(StackConfig config, FileChannel lockChannel, FileLock lock) {
        this.config = config;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** Starts the whole stack and returns once every part is ready. */
    public static Stack start(StackConfig config) {
        Stack stack = acquire(config);
        stack.boot();
        return stack;
    }

    /**
     * Takes the stack directory (one stack per directory); {@link #boot} then starts it. Between
     * the two, a caller registers {@link #close} where a signal can reach it.
     */
    public static Stack acquire(StackConfig config) {
        try {
            Files.createDirectories(config.stackDir());
            FileChannel ch = FileChannel.open(config.stackDir().resolve("stack.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock = ch.tryLock();
            if (lock == null) {
                ch.close();
                throw new IllegalStateException("A stack is already running from " + config.stackDir()
                        + " (stop it with ./platform down)");
            }
            Files.writeString(config.stackDir().resolve("launcher.pid"), ProcessHandle.current().pid() + "\n");
            return new Stack(config, ch, lock);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * PostgreSQL and Kafka are run by someone else (the e2e tests' testcontainers profile: containers)
     * on 127.0.0.1 at {@code ports().postgres()} and {@code ports().kafka()}: {@link #boot} starts
     * neither (both must be ready), and creates the services' databases and roles (as {@code pgSuperuser})
     * and the topics on them. Call it before {@link #boot}.
     */
    public synchronized void useExternalServers(String pgSuperuser, String pgPassword) {
        external = new ExternalServers(pgSuperuser, pgPassword);
    }

    private record ExternalServers(String pgSuperuser, String pgPassword) {
    }

    /** Starts every part and returns once all are ready; on failure, stops what it started. */
    public void boot() {
        try {
            startAll();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private void startAll() {
        long t0 = System.nanoTime();
        Child.killLeftovers(config);
        checkPortsFree();
        if (external != null) {
            log("PostgreSQL on " + config.ports().postgres() + " and Kafka on " + config.kafkaBootstrap()
                    + " run outside the stack; starting Keycloak and the EVM node in " + config.stackDir());
        } else {
            log("starting PostgreSQL, Kafka, Keycloak and the EVM node in " + config.stackDir());
        }
        Child kafka = external == null ? keep(KafkaBroker.start(config)) : null;
        Child keycloak = keep(KeycloakServer.start(config));
        Child evm = keep(EvmNode.start(config));
        if (external == null) {
            PostgresServer pg = PostgresServer.start(config);
            synchronized (this) {
                postgres = pg;
                if (closed) {
                    pg.close();
                    throw new IllegalStateException("stack stopped while starting");
                }
            }
        } else {
            PostgresServer.createDatabases(config, external.pgSuperuser(), external.pgPassword());
        }
        log("PostgreSQL ready on " + config.ports().postgres() + " (databases: auction_core, settlement, identity, portal)");
        KafkaBroker.awaitReady(config, kafka);
        KafkaBroker.createTopicsAndAcls(config, new LinkedHashSet<>(Topics.ALL));
        log("Kafka ready on " + config.kafkaBootstrap() + " with topics " + Topics.ALL
                + " (SASL/SCRAM-SHA-512, ACLs per service)");
        EvmNode.awaitReady(config, evm);
        log("EVM node ready on " + config.evmUrl() + " (chain id 31337)");
        // Keycloak's start is the critical path: on two cores the services would only slow it down
        KeycloakServer.awaitReady(config, keycloak);
        log("Keycloak ready on " + config.keycloakUrl() + " (realm sovereign)");
        if (config.withServices()) {
            for (Service s : Service.values()) {
                services.put(s, keep(ServiceProcess.start(config, s)));
            }
        }
        List<CompletableFuture<Void>> ready = new ArrayList<>();
        services.forEach((s, child) -> ready.add(CompletableFuture.runAsync(() -> {
            ServiceProcess.awaitReady(config, s, child);
            log(s.module() + " ready on " + config.serviceUrl(s) + " (management " + config.managementUrl(s) + ")");
        })));
        try {
            CompletableFuture.allOf(ready.toArray(CompletableFuture[]::new)).join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        log(String.format("stack ready in %.1f s", (System.nanoTime() - t0) / 1e9));
        writeReadyFile();
    }

    private synchronized Child keep(Child child) {
        if (closed) {
            child.stop(Duration.ofSeconds(20));
            throw new IllegalStateException("stack stopped while starting");
        }
        children.add(child);
        return child;
    }

    private void checkPortsFree() {
        List<String> busy = new ArrayList<>();
        config.ports().byEnvName().forEach((name, port) -> {
            boolean needed = (config.withServices() || !name.matches("(PORTAL|AUCTION_CORE|SETTLEMENT|IDENTITY)(_MANAGEMENT)?_PORT"))
                    && (external == null || !name.matches("(PG|KAFKA|KAFKA_CONTROLLER)_PORT"));
            if (needed && !Probe.portFree(port)) {
                busy.add(port + " (" + name + ")");
            }
        });
        if (!busy.isEmpty()) {
            throw new IllegalStateException("Ports in use by another program: " + String.join(", ", busy)
                    + ". Stop it, or choose other ports with the environment variables named.");
        }
    }

    private void writeReadyFile() {
        try {
            Files.writeString(config.stackDir().resolve("ready"), ProcessHandle.current().pid() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops one service (SIGTERM, as a crash-free shutdown would), leaving the rest running. */
    public synchronized void stopService(Service service) {
        Child child = services.remove(service);
        if (child != null) {
            children.remove(child);
            child.stop(Duration.ofSeconds(20));
        }
    }

    /** Kills one service with SIGKILL, as a crash would: no shutdown hook runs, nothing is flushed. */
    public synchronized void killService(Service service) {
        Child child = services.remove(service);
        if (child != null) {
            children.remove(child);
            child.kill();
        }
    }

    /**
     * Restarts the Kafka broker (SIGTERM, then a start on the same data) and waits until it
     * serves again; the services keep running and reconnect by themselves.
     */
    public void restartKafka() {
        takeKafka().stop(Duration.ofSeconds(20));
        startKafka();
    }

    /**
     * Kills the Kafka broker with SIGKILL, as a crash would (nothing flushed, no controlled
     * shutdown); {@link #startKafka} starts it again on its data. The services keep running.
     */
    public void killKafka() {
        takeKafka().kill();
    }

    /** Starts the Kafka broker again on its data (after {@link #killKafka}) and waits until it serves. */
    public void startKafka() {
        synchronized (this) {
            if (children.stream().anyMatch(c -> c.name().equals("kafka"))) {
                throw new IllegalStateException("Kafka is running");
            }
        }
        Child started = keep(KafkaBroker.start(config, false));
        KafkaBroker.awaitReady(config, started);
    }

    private synchronized Child takeKafka() {
        if (external != null) {
            throw new IllegalStateException("Kafka runs outside the stack (useExternalServers): stop it there");
        }
        Child kafka = children.stream().filter(c -> c.name().equals("kafka")).findFirst()
                .orElseThrow(() -> new IllegalStateException("Kafka is not running"));
        children.remove(kafka);
        return kafka;
    }

    /**
     * Stops PostgreSQL (pg_ctl fast shutdown: every client is disconnected); the services keep
     * running without their database until {@link #startPostgres}.
     */
    public synchronized void stopPostgres() {
        if (external != null) {
            throw new IllegalStateException("PostgreSQL runs outside the stack (useExternalServers): stop it there");
        }
        if (postgres == null) {
            throw new IllegalStateException("PostgreSQL is not running");
        }
        postgres.close();
        postgres = null;
    }

    /** Starts PostgreSQL again on its data directory and port (after {@link #stopPostgres}); returns once it serves. */
    public synchronized void startPostgres() {
        if (external != null) {
            throw new IllegalStateException("PostgreSQL runs outside the stack (useExternalServers): start it there");
        }
        if (postgres != null) {
            throw new IllegalStateException("PostgreSQL is running");
        }
        if (closed) {
            throw new IllegalStateException("stack stopped");
        }
        postgres = PostgresServer.start(config, false);
    }

    /** Starts a stopped service again and waits until it is ready. */
    public void startService(Service service) {
        Child child;
        synchronized (this) {
            if (services.containsKey(service)) {
                throw new IllegalStateException(service.module() + " is running");
            }
            child = keep(ServiceProcess.start(config, service));
            services.put(service, child);
        }
        ServiceProcess.awaitReady(config, service, child);
    }

    /**
     * Starts another instance of a running service on {@code port}, with its management interface
     * on {@code port} + {@link Ports#MANAGEMENT_OFFSET} (same database, Kafka consumer group and chain
     * account), waits until it is ready, and returns it; closing it stops it (SIGTERM). The stack
     * stops it too if it is still running when the stack stops.
     */
    public Replica startReplica(Service service, int port) {
        return startReplica(service, port, Map.of());
    }

    /** {@link #startReplica(Service, int)} with these environment variables added (e.g. other limits). */
    public Replica startReplica(Service service, int port, Map<String, String> environment) {
        String name = service.module() + "-" + port;
        int managementPort = port + Ports.MANAGEMENT_OFFSET;
        Child child = keep(ServiceProcess.start(config, service, port, managementPort, name, environment));
        String url = "http://127.0.0.1:" + port;
        String managementUrl = "http://127.0.0.1:" + managementPort;
        ServiceProcess.awaitReady(name, managementUrl, child);
        return new Replica(url, managementUrl, () -> {
            synchronized (this) {
                children.remove(child);
            }
            child.stop(Duration.ofSeconds(20));
        });
    }

    /**
     * Another instance of a service, started by {@link #startReplica}: its API at {@code url}, its
     * health and metrics at {@code managementUrl}.
     */
    public record Replica(String url, String managementUrl, Runnable stop) implements AutoCloseable {
        @Override
        public void close() {
            stop.run();
        }
    }

    public StackConfig config() {
        return config;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        log("stopping");
        try {
            Files.deleteIfExists(config.stackDir().resolve("ready"));
            Files.deleteIfExists(config.stackDir().resolve("launcher.pid"));
        } catch (IOException ignored) {
            // nothing depends on it once we stop
        }
        // services first (they hold connections to the servers), then the servers, each group in parallel
        List<Child> servers = children.stream().filter(c -> !services.containsValue(c)).toList();
        stopAll(List.copyOf(services.values()));
        stopAll(servers);
        if (postgres != null) {
            postgres.close();
        }
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException ignored) {
            // the lock goes with the process anyway
        }
        log("stopped");
    }

    private static void stopAll(List<Child> group) {
        CompletableFuture.allOf(group.stream()
                .map(c -> CompletableFuture.runAsync(() -> c.stop(Duration.ofSeconds(20))))
                .toArray(CompletableFuture[]::new)).join();
    }

    static void log(String message) {
        System.out.println("[stack] " + message);
    }

    static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static Path libDir(StackConfig config) {
        return config.projectRoot().resolve("stack/target/lib");
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
