package io.sovereign.auction.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.sovereign.auction.audit.AuditLog;
import io.sovereign.auction.domain.AuctionStatus;
import io.sovereign.auction.repository.Auction;
import io.sovereign.auction.repository.AuctionRepository;
import io.sovereign.events.AuctionClosed;
import io.sovereign.kit.outbox.Outbox;
import io.sovereign.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Opens and closes auctions on the server clock, and clears them at once on close. Each
 * transition locks the auction's row and checks its status, so it happens once even with several
 * instances or a timer and the sweep racing, and a close waits for a batch of bids being written
 * (the bid intake holds the same lock). Bids are judged by the instant they were received; the
 * close itself runs {@code sovereign.auction.close-grace} after the deadline so that bids received
 * just before it and still being written are in the book. A timer per auction fires at its
 * instant; a sweep every second (and at start, for closes missed while the service was down, and
 * clearings interrupted by a crash) catches whatever a timer missed, and sets the timers of
 * auctions announced through another instance.
 * <p>
 * Several instances: bids may arrive through any of them, and each writes its own. A scheduled
 * close therefore waits until every live instance has written the bids it received before the
 * deadline ({@link Instances}): each instance's timer drains its own writer and records it, and
 * the last one closes. An instance that does not answer stops counting after
 * {@link #DRAIN_LIMIT} past the deadline (or once its heartbeat is old). An early close by the
 * desk drains this instance only: a bid another instance holds at that moment is refused with 409
 * (never acknowledged).
 */
@ApplicationScoped
public class AuctionLifecycle {

    private static final Logger LOG = Logger.getLogger(AuctionLifecycle.class);
    /** The longest a close waits for the bid writer (a database outage); then late bids get 409. */
    private static final Duration DRAIN_LIMIT = Duration.ofSeconds(30);

    private final AuctionRepository auctions;
    private final Outbox outbox;
    private final Clock clock;
    private final AuditLog audit;
    private final AuctionClearing clearing;
    private final Duration grace;
    private final BidIntake intake;
    private final Instances instances;
    /** Auctions whose timers this instance has set. */
    private final java.util.Set<String> scheduled = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "auction-deadlines");
        t.setDaemon(true);
        return t;
    });

    public AuctionLifecycle(AuctionRepository auctions, Outbox outbox, Clock clock, AuditLog audit,
            AuctionClearing clearing, io.sovereign.auction.config.AuctionConfig config, BidIntake intake,
            Instances instances) {
        this.intake = intake;
        this.instances = instances;
        this.auctions = auctions;
        this.outbox = outbox;
        this.clock = clock;
        this.audit = audit;
        this.clearing = clearing;
        this.grace = config.closeGrace();
    }

    void onStart(@Observes StartupEvent start) {
        sweep();
        QuarkusTransaction.requiringNew().call(() -> auctions.list("status in ?1",
                List.of(AuctionStatus.ANNOUNCED, AuctionStatus.OPEN))).forEach(this::schedule);
    }

    void onStop(@Observes ShutdownEvent stop) {
        stopping = true;
        timers.shutdownNow();
    }

    /** Sets the timers of an auction's opening and close (after its announcement commits, or at start). */
    public void schedule(Auction a) {
        if (!scheduled.add(a.auctionId)) {
            return;
        }
        at(a.biddingOpensAt, () -> open(a.auctionId));
        at(a.competitiveClosesAt.plus(grace), () -> close(a.auctionId, null));
    }

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        if (stopping) {
            return; // the database may already be gone; the next start sweeps
        }
        Instant now = clock.instant();
        List<Auction> due = QuarkusTransaction.requiringNew().call(() -> auctions.list(
                "(status = ?1 and biddingOpensAt <= ?3) or (status in (?1, ?2) and competitiveClosesAt <= ?4)",
                AuctionStatus.ANNOUNCED, AuctionStatus.OPEN, now, now.minus(grace)));
        for (Auction a : due) {
            open(a.auctionId);
            if (!a.competitiveClosesAt.plus(grace).isAfter(now)) {
                close(a.auctionId, null);
            }
        }
        clearing.pending().forEach(clearing::clear);
        // auctions announced through another instance: this one sets their timers too
        QuarkusTransaction.requiringNew().call(() -> auctions.list("status in ?1",
                List.of(AuctionStatus.ANNOUNCED, AuctionStatus.OPEN))).stream()
                .filter(a -> !scheduled.contains(a.auctionId)).forEach(this::schedule);
    }

    /** ANNOUNCED → OPEN once bidding opens; true if this call opened it. */
    public boolean open(String auctionId) {
        Instant now = clock.instant();
        return QuarkusTransaction.requiringNew().call(() -> {
            Auction a = auctions.findById(auctionId, LockModeType.PESSIMISTIC_WRITE);
            if (a == null || a.status != AuctionStatus.ANNOUNCED || a.biddingOpensAt.isAfter(now)) {
                return false;
            }
            a.status = AuctionStatus.OPEN;
            // bids are judged by their instant: bidding opened at biddingOpensAt (or at the
            // announcement, if that was later), whenever this runs
            Instant opened = a.biddingOpensAt.isAfter(a.createdAt) ? a.biddingOpensAt : a.createdAt;
            audit.record(auctionId, opened, AuditLog.SYSTEM, AuditLog.Action.OPENED, "bidding opened");
            return true;
        });
    }

    /**
     * OPEN (or ANNOUNCED, for an early close) → CLOSED, announced by AuctionClosed; on schedule when
     * {@code closedBy} is null, early by a desk officer otherwise. True if this call closed it.
     */
    public boolean close(String auctionId, String closedBy) {
        Instant deadline = closedBy == null ? QuarkusTransaction.requiringNew().call(() -> auctions.findByIdOptional(auctionId)
                .map(a -> a.competitiveClosesAt).orElse(null)) : clock.instant();
        if (deadline == null) {
            return false;
        }
        // bids received before the deadline that this instance is still writing go into the book first
        intake.awaitDrained(auctionId, deadline, DRAIN_LIMIT);
        if (closedBy == null) {
            instances.drained(auctionId);
        }
        Instant now = clock.instant();
        boolean closed = QuarkusTransaction.requiringNew().call(() -> {
            Auction a = auctions.findById(auctionId, LockModeType.PESSIMISTIC_WRITE);
            if (a == null || a.status != AuctionStatus.ANNOUNCED && a.status != AuctionStatus.OPEN
                    || closedBy == null && a.competitiveClosesAt.isAfter(now)) {
                return false;
            }
            if (closedBy == null && now.isBefore(deadline.plus(grace).plus(DRAIN_LIMIT))) {
                long waiting = instances.notDrained(auctionId);
                if (waiting > 0) {
                    LOG.debugf("Auction %s: %d other instance(s) still writing bids; the last one closes", auctionId,
                            waiting);
                    return false;
                }
            }
            a.status = AuctionStatus.CLOSED;
            a.closedAt = now;
            outbox.publish(new AuctionClosed(auctionId, now, a.bidCount));
            audit.record(auctionId, now, closedBy == null ? AuditLog.SYSTEM : closedBy, AuditLog.Action.CLOSED,
                    (closedBy == null ? "closed on schedule" : "closed early") + " with " + a.bidCount + " bid(s)");
            LOG.infof("Auction %s closed at %s with %d bid(s)%s", auctionId, now, a.bidCount,
                    closedBy == null ? "" : " by " + closedBy);
            return true;
        });
        if (closed) {
            clearing.clear(auctionId);
        }
        return closed;
    }

    /** Closes early (desk): 409 unless the auction is announced or open. */
    public Auction closeEarly(String auctionId, String officer) {
        boolean closed = close(auctionId, officer);
        Auction a = find(auctionId); // 404 for an unknown auction
        if (!closed) {
            throw ProblemException.conflict("Auction " + auctionId + " is " + a.status
                    + "; only an announced or open auction can be closed");
        }
        return a;
    }

    /** Cancels before the close (desk): 409 afterwards. */
    public Auction cancel(String auctionId, String officer) {
        Instant now = clock.instant();
        boolean cancelled = QuarkusTransaction.requiringNew().call(() -> {
            Auction a = auctions.findById(auctionId, LockModeType.PESSIMISTIC_WRITE);
            if (a == null || a.status != AuctionStatus.ANNOUNCED && a.status != AuctionStatus.OPEN) {
                return false;
            }
            a.status = AuctionStatus.CANCELLED;
            audit.record(auctionId, now, officer, AuditLog.Action.CANCELLED, "cancelled with " + a.bidCount + " bid(s)");
            return true;
        });
        Auction a = find(auctionId); // 404 for an unknown auction
        if (!cancelled) {
            throw ProblemException.conflict("Auction " + auctionId + " is " + a.status
                    + "; only an announced or open auction can be cancelled");
        }
        return a;
    }

    private Auction find(String auctionId) {
        return QuarkusTransaction.requiringNew().call(() -> auctions.findByIdOptional(auctionId))
                .orElseThrow(() -> ProblemException.notFound("No auction " + auctionId));
    }

    private void at(Instant when, Runnable action) {
        Duration until = Duration.between(clock.instant(), when);
        // rounded up: a timer never fires before its instant (the conditional update would refuse it)
        long delay = Math.max(0, until.toMillis() + (until.toNanosPart() % 1_000_000 > 0 ? 1 : 0));
        timers.schedule(() -> {
            try {
                action.run();
            } catch (RuntimeException e) {
                LOG.warnf("Deadline action failed, the sweep will retry: %s", e.getMessage());
            }
        }, delay, TimeUnit.MILLISECONDS);
    }
}
