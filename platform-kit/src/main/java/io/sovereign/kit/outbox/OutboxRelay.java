package io.sovereign.kit.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Sends unpublished outbox rows to Kafka in commit order and marks them published once the
 * broker has acknowledged them ({@code acks=all}, idempotent producer). A crash between the ack
 * and the mark re-sends the event: delivery is at least once, and consumers drop duplicates by
 * event id. One replica relays at a time (a transaction-scoped advisory lock), which keeps the
 * per-key order when a service runs several instances.
 *
 * <p>A failure worth retrying (broker down, timeouts) stops the batch: that event and every later
 * one are sent again, in order. An event Kafka refuses for good ({@link SendFailure#PARK}: too
 * large, invalid, not serializable) is parked instead, and the relay goes on with the events of
 * other keys; the events of the parked one's topic and key are held back until an operator
 * retries or discards it ({@link ParkedEvents}), so a consumer never sees a key's events out of
 * order.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Advisory lock id shared by all replicas of a service (each service has its own database). */
    private static final long RELAY_LOCK = 0x0B0C_0001L;
    private static final int BATCH = 200;

    private final EntityManager em;
    private final ParkedEventsMonitor monitor;
    private final Producer<String, String> producer;
    private final long sendTimeoutMs;
    private final java.util.concurrent.ExecutorService worker = java.util.concurrent.Executors
            .newSingleThreadExecutor(r -> new Thread(r, "outbox-relay"));
    private final java.util.concurrent.atomic.AtomicBoolean wakeUpPending =
            new java.util.concurrent.atomic.AtomicBoolean();

    public OutboxRelay(EntityManager em, ParkedEventsMonitor monitor, @Identifier("default-kafka-broker") Map<String, Object> kafka,
            @ConfigProperty(name = "quarkus.application.name") String app,
            @ConfigProperty(name = "sovereign.outbox.send-timeout-ms", defaultValue = "15000") long sendTimeoutMs) {
        this.em = em;
        this.monitor = monitor;
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
        // max.request.size stays Kafka's default (1 MB), like the brokers' message.max.bytes: a large
        // auction's allocations go out in AllocationsPublished chunks (events' AllocationChunks), and an
        // event above the limit is refused by the producer itself and parked (SendFailure)
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
            while (relayBatch()) {
                // a full batch means more may be waiting
            }
        } catch (RuntimeException e) {
            LOG.warnf("Outbox relay paused, will retry: %s", e.getMessage());
        }
        refreshCounts();
    }

    /**
     * Pending rows that may go now: not parked, not discarded, and with no parked event of the same
     * topic and key before them (a row committed before a parked one of its key still goes first).
     */
    private static final String SENDABLE = "from OutboxRecord r where r.publishedAt is null and r.parkedAt is null"
            + " and r.discardedAt is null and not exists (select p.seq from OutboxRecord p where p.parkedAt is not null"
            + " and p.publishedAt is null and p.discardedAt is null and p.topic = r.topic and p.recordKey = r.recordKey"
            + " and p.seq < r.seq) order by r.seq";

    /** Sends one batch; returns whether a full batch went through (more may be waiting). */
    boolean relayBatch() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Boolean locked = (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(:id)")
                    .setParameter("id", RELAY_LOCK).getSingleResult();
            if (!Boolean.TRUE.equals(locked)) {
                return false;
            }
            List<OutboxRecord> pending = em.createQuery(SENDABLE, OutboxRecord.class).setMaxResults(BATCH).getResultList();
            if (pending.isEmpty()) {
                return false;
            }
            RelayPass.Outcome outcome = RelayPass.run(pending, producer::send, sendTimeoutMs, Instant.now());
            outcome.parked().forEach(monitor::parked);
            OutboxRecord stop = outcome.stoppedAt();
            if (stop != null) {
                LOG.warnf("Outbox event %s not acknowledged yet (attempt %d), it and later events are retried in order: %s",
                        stop.eventId, stop.attempts, stop.lastError);
            }
            return stop == null && pending.size() == BATCH;
        });
    }

    /** Counts parked and held-back events for the gauges and the readiness check (every replica). */
    private void refreshCounts() {
        try {
            Object[] counts = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery("""
                    select (select count(*) from outbox_event
                             where parked_at is not null and published_at is null and discarded_at is null),
                           (select count(*) from outbox_event r
                             where r.published_at is null and r.parked_at is null and r.discarded_at is null
                               and exists (select 1 from outbox_event p where p.parked_at is not null
                                 and p.published_at is null and p.discarded_at is null
                                 and p.topic = r.topic and p.record_key = r.record_key and p.seq < r.seq))
                    """).getSingleResult());
            monitor.counts(((Number) counts[0]).longValue(), ((Number) counts[1]).longValue());
        } catch (RuntimeException e) {
            LOG.debugf("Outbox counts not refreshed: %s", e.getMessage());
        }
    }

    @PreDestroy
    void close() {
        worker.shutdown();
        producer.close(java.time.Duration.ofSeconds(5));
    }
}
