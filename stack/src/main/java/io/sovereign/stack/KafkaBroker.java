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
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * A single Kafka 4 broker in KRaft combined mode (broker and controller in one JVM). Clients
 * authenticate with SASL/SCRAM-SHA-512 on the client listener and are authorized by KRaft's
 * StandardAuthorizer with the ACLs of {@link KafkaUsers} (nothing is allowed that no ACL allows);
 * the controller listener, used only by the broker within its own JVM, takes SASL/PLAIN with the
 * admin's password from this broker's own configuration, so no anonymous connection is served
 * anywhere. SCRAM credentials live in the cluster metadata: the admin's is written at format time
 * (the broker needs it before it can serve anything), every principal's again at each start.
 */
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
            Path authenticated = home.resolve("sasl-scram");
            if (Files.exists(data.resolve("meta.properties")) && !Files.exists(authenticated)) {
                // formatted by a launcher without authentication: it has no admin credential to start from
                Stack.log("Kafka data in " + data + " predates authentication: starting the broker on empty data");
                Stack.deleteTree(data);
                Files.createDirectories(data);
            }
            List<String> format = java(config, log4j, "kafka.tools.StorageTool", "format", "-t", clusterId, "-c",
                    props.toString(), "--ignore-formatted", "--add-scram", KafkaUsers.MECHANISM + "=[name="
                            + KafkaUsers.ADMIN + ",password=" + KafkaUsers.password(KafkaUsers.ADMIN) + "]");
            Child formatter = Child.start(config, "kafka-format", format, home, Map.of(), "kafka.tools.StorageTool");
            Probe.await("Kafka storage format", Duration.ofSeconds(60), null, () -> !formatter.isAlive());
            formatter.stop(Duration.ofSeconds(1));
            if (formatter.exitCode() != 0) {
                throw new IllegalStateException("Kafka storage format failed; see " + formatter.log() + ":\n"
                        + Child.tail(formatter.log(), 15));
            }
            Files.writeString(authenticated, KafkaUsers.MECHANISM + "\n");
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

    /**
     * Creates the topics of API.md, every principal's SCRAM credential and the ACLs of
     * {@link KafkaUsers} (idempotent: a restart on existing data sets the same again).
     */
    static void createTopicsAndAcls(StackConfig config, Set<String> topics) {
        Properties p = new Properties();
        p.putAll(KafkaUsers.client(config, KafkaUsers.ADMIN));
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        try (Admin admin = Admin.create(p)) {
            createTopics(admin, topics);
            List<UserScramCredentialAlteration> users = new ArrayList<>();
            for (String user : KafkaUsers.principals()) {
                users.add(new UserScramCredentialUpsertion(user,
                        new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), KafkaUsers.password(user)));
            }
            admin.alterUserScramCredentials(users).all().get(30, TimeUnit.SECONDS);
            admin.createAcls(KafkaUsers.acls()).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot create Kafka's users and ACLs: " + e.getCause(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Kafka did not create the users and ACLs in time", e);
        }
    }

    private static void createTopics(Admin admin, Set<String> topics)
            throws InterruptedException, java.util.concurrent.TimeoutException {
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
        String adminPassword = KafkaUsers.password(KafkaUsers.ADMIN);
        return String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controller,
                "listeners=CLIENT://127.0.0.1:" + broker + ",CONTROLLER://127.0.0.1:" + controller,
                "advertised.listeners=CLIENT://127.0.0.1:" + broker,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=CLIENT",
                "listener.security.protocol.map=CONTROLLER:SASL_PLAINTEXT,CLIENT:SASL_PLAINTEXT",
                // clients: SCRAM against the credentials in the metadata; the broker itself is admin
                "listener.name.client.sasl.enabled.mechanisms=" + KafkaUsers.MECHANISM,
                "sasl.mechanism.inter.broker.protocol=" + KafkaUsers.MECHANISM,
                "listener.name.client.scram-sha-512.sasl.jaas.config="
                        + KafkaUsers.scramJaas(KafkaUsers.ADMIN, adminPassword),
                // the controller authenticates before any metadata (hence SCRAM credential) is loaded:
                // PLAIN with the admin's password in this file, which only the broker's JVM uses
                "listener.name.controller.sasl.enabled.mechanisms=PLAIN",
                "sasl.mechanism.controller.protocol=PLAIN",
                "listener.name.controller.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule"
                        + " required username=\"" + KafkaUsers.ADMIN + "\" password=\"" + adminPassword
                        + "\" user_" + KafkaUsers.ADMIN + "=\"" + adminPassword + "\";",
                "authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer",
                "allow.everyone.if.no.acl.found=false",
                "super.users=User:" + KafkaUsers.ADMIN,
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
                // message.max.bytes and replica.fetch.max.bytes stay Kafka's defaults (about 1 MB), as on
                // a production cluster: results go in chunks, and an event above the limit is parked
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
