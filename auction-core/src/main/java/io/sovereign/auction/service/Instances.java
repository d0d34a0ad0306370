package io.sovereign.auction.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The auction-core instances sharing one database, so that a scheduled close waits for all of them.
 * Each instance writes a heartbeat every second; at a close each live instance first writes the
 * bids it received before the deadline, then records that it has ({@code close_drain}); the
 * instance that finds every live instance's record closes. An instance that stops cleanly leaves
 * at once; one that crashed stops counting once its heartbeat is {@link #LIVE_SECONDS} old. Times
 * are the database's clock, the one clock every instance shares.
 */
@ApplicationScoped
public class Instances {

    private static final Logger LOG = Logger.getLogger(Instances.class);
    /** An instance whose heartbeat is older than this is gone (crashed, cut off). */
    static final int LIVE_SECONDS = 5;

    private final String instanceId = UUID.randomUUID().toString();
    private final EntityManager em;
    private volatile boolean running;

    public Instances(EntityManager em) {
        this.em = em;
    }

    // before the lifecycle's start-up sweep, so that this instance counts in its own closes
    void onStart(@Observes @Priority(1) StartupEvent start) {
        running = true;
        beat();
        LOG.infof("auction-core instance %s", instanceId);
    }

    // after the bid intake has written what it had queued (default observer priority 2500)
    void onStop(@Observes @Priority(3000) ShutdownEvent stop) {
        running = false;
        try {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                    "delete from auction_instance where instance_id = ?1").setParameter(1, instanceId).executeUpdate());
        } catch (RuntimeException e) {
            LOG.debugf("Instance %s not removed (it stops counting after %d s): %s", instanceId, LIVE_SECONDS,
                    e.getMessage());
        }
    }

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void beat() {
        if (!running) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("insert into auction_instance (instance_id, started_at, heartbeat_at) "
                    + "values (?1, now(), now()) on conflict (instance_id) do update set heartbeat_at = now()")
                    .setParameter(1, instanceId).executeUpdate();
            em.createNativeQuery("delete from auction_instance where heartbeat_at < now() - interval '1 hour'")
                    .executeUpdate();
        });
    }

    /** This instance has written every bid it received for the auction before its deadline. */
    public void drained(String auctionId) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "insert into close_drain (auction_id, instance_id, drained_at) values (?1, ?2, now()) "
                        + "on conflict do nothing").setParameter(1, auctionId).setParameter(2, instanceId).executeUpdate());
    }

    /**
     * The live instances that have not yet recorded their drain for the auction (in the caller's
     * transaction, which holds the auction's row lock).
     */
    public long notDrained(String auctionId) {
        return ((Number) em.createNativeQuery("select count(*) from auction_instance i "
                + "where i.heartbeat_at > now() - make_interval(secs => ?2) and not exists "
                + "(select 1 from close_drain d where d.auction_id = ?1 and d.instance_id = i.instance_id)")
                .setParameter(1, auctionId).setParameter(2, LIVE_SECONDS).getSingleResult()).longValue();
    }

    public String id() {
        return instanceId;
    }
}
