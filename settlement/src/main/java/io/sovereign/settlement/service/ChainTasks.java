package io.sovereign.settlement.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The durable queue of work on chain that events ask for (table {@code chain_task}). An event's
 * transaction requests a task; the settlement worker does it later, so the Kafka thread never
 * waits for the node, and a task survives a crash. Requests coalesce: one open task per kind and
 * subject, and a request that arrives while it runs makes it run again.
 */
@ApplicationScoped
public class ChainTasks {

    /** Make the chain follow the investor register for one investor (subject: investor id). */
    public static final String SYNC_INVESTOR = "SYNC_INVESTOR";
    /** Deploy the bond token of an ISIN (subject: the ISIN). */
    public static final String DEPLOY_TOKEN = "DEPLOY_TOKEN";

    private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

    /** An open task as the worker reads it. */
    public record Task(long id, String kind, String subject, Instant requestedAt, int attempts) {
    }

    private final EntityManager em;

    public ChainTasks(EntityManager em) {
        this.em = em;
    }

    /** Requests a task in the caller's transaction (the event's). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void request(String kind, String subject) {
        // microseconds, as PostgreSQL keeps them: done() compares the value read back
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        em.createNativeQuery("insert into chain_task (kind, subject, requested_at, next_attempt_at) values (?1, ?2, ?3, ?3) "
                + "on conflict (kind, subject) where done_at is null do update set requested_at = excluded.requested_at, "
                + "next_attempt_at = least(chain_task.next_attempt_at, excluded.next_attempt_at)")
                .setParameter(1, kind).setParameter(2, subject).setParameter(3, now).executeUpdate();
    }

    /** Open tasks of a kind that are due now, oldest request first. */
    public List<Task> due(String kind, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select task_id, kind, subject, requested_at, attempts from chain_task where done_at is null and kind = ?1 "
                        + "and next_attempt_at <= ?2 order by requested_at, task_id limit ?3")
                .setParameter(1, kind).setParameter(2, Instant.now()).setParameter(3, limit).getResultList());
        return rows.stream().map(r -> new Task(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                Timestamps.instant(r[3]), ((Number) r[4]).intValue())).toList();
    }

    /** Done, unless it was requested again meanwhile (then it stays open and runs again). */
    public void done(Task task) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update chain_task set done_at = ?3, last_error = null "
                + "where task_id = ?1 and requested_at = ?2").setParameter(1, task.id()).setParameter(2, task.requestedAt())
                .setParameter(3, Instant.now()).executeUpdate());
    }

    /** Failed this time: tried again after a backoff that doubles up to five minutes. */
    public void failed(Task task, String error) {
        long seconds = Math.min(MAX_BACKOFF.toSeconds(), 1L << Math.min(task.attempts(), 20));
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update chain_task set attempts = attempts + 1, "
                + "last_error = ?2, next_attempt_at = ?3 where task_id = ?1").setParameter(1, task.id())
                .setParameter(2, error.length() > 1000 ? error.substring(0, 1000) : error)
                .setParameter(3, Instant.now().plusSeconds(seconds)).executeUpdate());
    }
}
