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
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/** A single Kafka 4 broker in KRaft combined mode (broker and controller in one JVM). */
final class KafkaBroker {

    /** Partitions per platform topic: room for several consumer instances per service. */
    static final int PARTITIONS = 3;

    private KafkaBroker() {
    }

    static Child start(StackConfig config) {
        return start(config, config.freshData());
    }

    /** Starts the broker; {@code wipe}: on empty data (a restart keeps its data). */
    static Child start(StackConfig config, boolean wipe) {
        Path home = config.stackDir().resolve("kafka");
        Path data = home.resolve("data");
        try {
            if (wipe) {
                Stack.deleteTree(data);
            }
            Files.createDirectories(data);
            Path props = home.resolve("server.properties");
            Files.writeString(props, serverProperties(config, data), StandardCharsets.UTF_8);
            Path log4j = home.resolve("log4j2.xml");
            try (var in = KafkaBroker.class.getResourceAsStream("/stack/kafka-log4j2.xml")) {
                Files.write(log4j, in.readAllBytes());
            }
            Path clusterIdFile = home.resolve("cluster.id");
            if (!Files.exists(clusterIdFile) || !Files.exists(data.resolve("meta.properties"))) {
                Files.writeString(clusterIdFile, kafkaUuid());
            }
            String clusterId = Files.readString(clusterIdFile).trim();
            List<String> format = java(config, log4j, "kafka.tools.StorageTool", "format", "-t", clusterId, "-c",
                    props.toString(), "--ignore-formatted");
            Child formatter = Child.start(config, "kafka-format", format, home, Map.of(), "kafka.tools.StorageTool");
            Probe.await("Kafka storage format", Duration.ofSeconds(60), null, () -> !formatter.isAlive());
            formatter.stop(Duration.ofSeconds(1));
            if (formatter.exitCode() != 0) {
                throw new IllegalStateException("Kafka storage format failed; see " + formatter.log() + ":\n"
                        + Child.tail(formatter.log(), 15));
            }
            List<String> broker = java(config, log4j, "kafka.Kafka", props.toString());
            broker.addAll(1, List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
            return Child.start(config, "kafka", broker, home, Map.of(), marker(config));
        } catch (IOException e) {
            throw new UncheckedIOException("Kafka did not start: " + e.getMessage(), e);
        }
    }

    /**
     * The broker answers on its port only once it is unfenced and serving; {@code kafka} is null for
     * a broker run outside the stack.
     */
    static void awaitReady(StackConfig config, Child kafka) {
        Probe.await("Kafka", Duration.ofSeconds(180), kafka, () -> Probe.tcpOpen(config.ports().kafka()));
    }

    /** Creates the topics of API.md (idempotent). */
    static void createTopics(StackConfig config, Set<String> topics) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBootstrap());
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        try (Admin admin = Admin.create(p)) {
            List<NewTopic> wanted = new ArrayList<>();
            for (String t : topics) {
                wanted.add(new NewTopic(t, PARTITIONS, (short) 1));
            }
            var result = admin.createTopics(wanted);
            for (var entry : result.values().entrySet()) {
                try {
                    entry.getValue().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("Cannot create topic " + entry.getKey() + ": " + e.getCause(), e);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Kafka did not create the topics in time", e);
        }
    }

    private static List<String> java(StackConfig config, Path log4j, String main, String... args) {
        List<String> cmd = new ArrayList<>(List.of(Stack.javaBin(), "-Dlog4j2.configurationFile=" + log4j,
                "-D" + marker(config), "-cp", Stack.libDir(config) + "/*", main));
        cmd.addAll(List.of(args));
        return cmd;
    }

    private static String marker(StackConfig config) {
        return "local.stack=" + config.stackDir();
    }

    private static String serverProperties(StackConfig config, Path data) {
        int broker = config.ports().kafka();
        int controller = config.ports().kafkaController();
        return String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controller,
                "listeners=PLAINTEXT://127.0.0.1:" + broker + ",CONTROLLER://127.0.0.1:" + controller,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + broker,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "log.dirs=" + data,
                "num.partitions=" + PARTITIONS,
                "default.replication.factor=1",
                "min.insync.replicas=1",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=3",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "transaction.state.log.num.partitions=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "share.coordinator.state.topic.num.partitions=1",
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=false",
                // Kafka's default record limit (message.max.bytes, 1 MiB) as in production: the
                // allocations of a large auction travel in AllocationsPublished chunks
                "num.network.threads=2",
                "num.io.threads=2",
                "num.recovery.threads.per.data.dir=1",
                // a restart after a crash re-registers in well under a second
                "broker.heartbeat.interval.ms=500",
                "broker.session.timeout.ms=3000",
                "") ;
    }

    /** Kafka's cluster id: 16 random bytes, URL-safe base64 without padding. */
    private static String kafkaUuid() {
        UUID u = UUID.randomUUID();
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(16);
        b.putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits());
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(b.array());
    }

}
