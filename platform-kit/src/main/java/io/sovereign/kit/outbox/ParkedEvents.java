package io.sovereign.kit.outbox;

import io.sovereign.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * What an operator does with parked outbox events: list them (with how many later events of the
 * same key each one holds back), retry one (back to pending: the relay sends it first, before the
 * events it held back), or discard one with a reason (it will never be sent; the events it held
 * back flow). Retrying helps once the cause is gone (a topic's limit raised, a broker-side policy
 * fixed); an event whose bytes can never pass is discarded, and the fact it announced is published
 * again through the domain if consumers need it.
 */
@ApplicationScoped
public class ParkedEvents {

    private static final Logger LOG = Logger.getLogger(ParkedEvents.class);

    /** A parked event as an operator sees it. */
    public record Parked(OutboxRecord event, long heldBack) {
    }

    private final EntityManager em;
    private final OutboxRelay relay;
    private final TransactionSynchronizationRegistry transactions;

    public ParkedEvents(EntityManager em, OutboxRelay relay, TransactionSynchronizationRegistry transactions) {
        this.em = em;
        this.relay = relay;
        this.transactions = transactions;
    }

    /** Parked events, oldest first. */
    @Transactional
    public List<Parked> list() {
        List<OutboxRecord> parked = em.createQuery("from OutboxRecord where parkedAt is not null and publishedAt is null"
                + " and discardedAt is null order by seq", OutboxRecord.class).getResultList();
        return parked.stream().map(p -> new Parked(p, heldBack(p))).toList();
    }

    /** Sends a parked event again (and, after it, the events it held back). */
    @Transactional
    public Parked retry(String eventId, String operator) {
        OutboxRecord row = parked(eventId);
        row.parkedAt = null;
        LOG.warnf("Outbox event %s (%s, key %s) parked with \"%s\" is retried by %s", row.eventId, row.type, row.recordKey,
                row.parkedError, operator);
        wakeRelayAfterCommit();
        return new Parked(row, heldBack(row));
    }

    /** Never sends a parked event; the events it held back go out. */
    @Transactional
    public Parked discard(String eventId, String reason, String operator) {
        OutboxRecord row = parked(eventId);
        row.discardedAt = Instant.now();
        row.discardedBy = operator;
        row.discardReason = reason;
        LOG.warnf("Outbox event %s (%s, key %s) parked with \"%s\" is discarded by %s: %s", row.eventId, row.type,
                row.recordKey, row.parkedError, operator, reason);
        wakeRelayAfterCommit();
        return new Parked(row, 0);
    }

    private OutboxRecord parked(String eventId) {
        OutboxRecord row = em.createQuery("from OutboxRecord where eventId = :id", OutboxRecord.class)
                .setParameter("id", eventId).setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst()
                .orElseThrow(() -> ProblemException.notFound("No outbox event " + eventId));
        if (!"PARKED".equals(row.state())) {
            throw ProblemException.conflict("Outbox event " + eventId + " is not parked: it is " + row.state())
                    .with("state", row.state());
        }
        return row;
    }

    private long heldBack(OutboxRecord parked) {
        return em.createQuery("select count(r) from OutboxRecord r where r.publishedAt is null and r.parkedAt is null"
                + " and r.discardedAt is null and r.topic = :topic and r.recordKey = :key and r.seq > :seq", Long.class)
                .setParameter("topic", parked.topic).setParameter("key", parked.recordKey)
                .setParameter("seq", parked.seq).getSingleResult();
    }

    private void wakeRelayAfterCommit() {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wakeUp();
                }
            }
        });
    }
}
