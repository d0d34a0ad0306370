package io.sovereign.e2e.containers;

import io.sovereign.e2e.ExternalServers;
import java.time.Duration;
import java.util.Map;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * PostgreSQL and Kafka as Testcontainers containers (profile {@code testcontainers}). The images are
 * those of {@code stack/containers/build-images.sh} by default (built locally, no registry needed);
 * any image compatible with the official {@code postgres} and {@code apache/kafka} ones will do
 * (e.g. {@code -Dtc.postgres.image=postgres:18 -Dtc.kafka.image=apache/kafka:4.3.1} on a machine that
 * reaches Docker Hub). The services still run as processes, wired to the mapped ports.
 */
public final class TestcontainersServers implements ExternalServers {

    private final PostgreSQLContainer postgres;
    private final KafkaContainer kafka;

    public TestcontainersServers() {
        postgres = new PostgreSQLContainer(DockerImageName
                .parse(System.getProperty("tc.postgres.image", "localhost/sovereign/postgres:18.6"))
                .asCompatibleSubstituteFor("postgres"))
                .withUsername("postgres")
                .withPassword("postgres")
                .withDatabaseName("postgres")
                // as the process stack: room for every service's pool, several replicas included
                .withCommand("postgres", "-c", "fsync=off", "-c", "max_connections=200")
                .withStartupTimeout(Duration.ofSeconds(120));
        kafka = new KafkaContainer(DockerImageName
                .parse(System.getProperty("tc.kafka.image", "localhost/sovereign/kafka:4.3.1"))
                .asCompatibleSubstituteFor("apache/kafka"))
                // as the process stack's broker (KafkaBroker.serverProperties)
                .withEnv("KAFKA_NUM_PARTITIONS", "3")
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
                .withEnv("KAFKA_OFFSETS_TOPIC_NUM_PARTITIONS", "3")
                .withEnv("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR", "1")
                .withEnv("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_MIN_ISR", "1")
                .withEnv("KAFKA_HEAP_OPTS", "-Xms64m -Xmx384m")
                .withStartupTimeout(Duration.ofSeconds(120));
    }

    @Override
    public Map<String, String> start() {
        long t0 = System.nanoTime();
        postgres.start();
        kafka.start();
        String pgPort = Integer.toString(postgres.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT));
        String kafkaPort = kafka.getBootstrapServers().substring(kafka.getBootstrapServers().lastIndexOf(':') + 1);
        System.out.printf("[testcontainers] PostgreSQL %s on 127.0.0.1:%s, Kafka %s on %s (%.1f s)%n",
                postgres.getDockerImageName(), pgPort, kafka.getDockerImageName(), kafka.getBootstrapServers(),
                (System.nanoTime() - t0) / 1e9);
        return Map.of("PG_PORT", pgPort, "KAFKA_PORT", kafkaPort);
    }

    @Override
    public String postgresSuperuser() {
        return postgres.getUsername();
    }

    @Override
    public String postgresPassword() {
        return postgres.getPassword();
    }

    @Override
    public void close() {
        kafka.stop();
        postgres.stop();
    }
}
