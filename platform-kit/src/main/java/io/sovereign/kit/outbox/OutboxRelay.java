package io.sovereign.kit.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Sends unpublished outbox rows to Kafka in commit order and marks them published once the
 * broker has acknowledged them ({@code acks=all}, idempotent producer). A crash between the ack
 * and the mark re-sends the event: delivery is at least once, and consumers drop duplicates by
 * event id. One replica relays at a time (a transaction-scoped advisory lock), which keeps the
 * per-key order when a service runs several instances.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Advisory lock id shared by all replicas of a service (each service has its own database). */
    private static final long RELAY_LOCK = 0x0B0C_0001L;
    private static final int BATCH = 200;

    private final EntityManager em;
    private final Producer<String, String> producer;
    private final long sendTimeoutMs;
    private final java.util.concurrent.ExecutorService worker = java.util.concurrent.Executors
            .newSingleThreadExecutor(r -> new Thread(r, "outbox-relay"));
    private final java.util.concurrent.atomic.AtomicBoolean wakeUpPending =
            new java.util.concurrent.atomic.AtomicBoolean();

    public OutboxRelay(EntityManager em, @Identifier("default-kafka-broker") Map<String, Object> kafka,
            @ConfigProperty(name = "quarkus.application.name") String app,
            @ConfigProperty(name = "sovereign.outbox.send-timeout-ms", defaultValue = "15000") long sendTimeoutMs) {
        this.em = em;
        this.sendTimeoutMs = sendTimeoutMs;
        Map<String, Object> config = new HashMap<>();
        kafka.forEach((k, v) -> {
            if (k.equals(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG) || k.startsWith("security.") || k.startsWith("sasl.")
                    || k.startsWith("ssl.")) {
                config.put(k, v);
            }
        });
        config.put(ProducerConfig.CLIENT_ID_CONFIG, app + "-outbox");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put("max.in.flight.requests.per.connection", 5);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) sendTimeoutMs);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(sendTimeoutMs, 10_000));
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        // Kafka's default record limits (1 MiB) are kept: a large auction's allocations go out in
        // AllocationsPublished chunks of about 0.6 MB at most (events' AllocationChunks)
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        this.producer = new KafkaProducer<>(config);
    }

    /** Asks for a relay run soon (after a commit that wrote events); runs coalesce. */
    public void wakeUp() {
        if (wakeUpPending.compareAndSet(false, true)) {
            worker.execute(() -> {
                wakeUpPending.set(false);
                relay();
            });
        }
    }

    /** The safety net: events whose wake-up was lost (a crash, a failed send) go out within a second. */
    @Scheduled(every = "${sovereign.outbox.relay-interval:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledRelay() {
        relay();
    }

    void relay() {
        try {
            while (relayBatch() == BATCH) {
                // a full batch means more may be waiting
            }
        } catch (RuntimeException e) {
            LOG.warnf("Outbox relay paused, will retry: %s", e.getMessage());
        }
    }

    /** Sends one batch; returns how many rows it published. */
    public int relayBatch() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Boolean locked = (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(:id)")
                    .setParameter("id", RELAY_LOCK).getSingleResult();
            if (!Boolean.TRUE.equals(locked)) {
                return 0;
            }
            List<OutboxRecord> pending = em.createQuery(
                    "from OutboxRecord where publishedAt is null order by seq", OutboxRecord.class)
                    .setMaxResults(BATCH).getResultList();
            if (pending.isEmpty()) {
                return 0;
            }
            List<Future<RecordMetadata>> acks = new ArrayList<>(pending.size());
            for (OutboxRecord row : pending) {
                ProducerRecord<String, String> record = new ProducerRecord<>(row.topic, row.recordKey, row.payload);
                record.headers().add(new RecordHeader("content-type",
                        "application/cloudevents+json; charset=UTF-8".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                acks.add(producer.send(record));
            }
            int published = 0;
            Instant now = Instant.now();
            for (int i = 0; i < pending.size(); i++) {
                OutboxRecord row = pending.get(i);
                try {
                    acks.get(i).get(sendTimeoutMs, TimeUnit.MILLISECONDS);
                    row.publishedAt = now;
                    published++;
                } catch (ExecutionException | TimeoutException e) {
                    // keep order: stop at the first failure, the rest are retried next time
                    row.attempts++;
                    row.lastError = truncate(String.valueOf(e.getCause() == null ? e : e.getCause()));
                    LOG.warnf("Outbox event %s not acknowledged yet (attempt %d): %s", row.eventId, row.attempts,
                            row.lastError);
                    break;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            return published;
        });
    }

    private static String truncate(String s) {
        return s.length() <= 1000 ? s : s.substring(0, 1000);
    }

    @PreDestroy
    void close() {
        worker.shutdown();
        producer.close(java.time.Duration.ofSeconds(5));
    }
}
