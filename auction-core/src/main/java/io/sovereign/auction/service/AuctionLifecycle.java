package io.sovereign.auction.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.sovereign.auction.domain.AuctionStatus;
import io.sovereign.auction.repository.Auction;
import io.sovereign.auction.repository.AuctionRepository;
import io.sovereign.events.AuctionClosed;
import io.sovereign.kit.outbox.Outbox;
import io.sovereign.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Opens and closes auctions on the server clock. Each transition is a conditional update
 * ({@code where status = ...}), so it happens once even with several instances or a timer and
 * the sweep racing. A timer per auction fires at the exact instant; a sweep every second (and at
 * start, for closes missed while the service was down) catches whatever a timer missed.
 */
@ApplicationScoped
public class AuctionLifecycle {

    private static final Logger LOG = Logger.getLogger(AuctionLifecycle.class);

    private final AuctionRepository auctions;
    private final Outbox outbox;
    private final Clock clock;
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "auction-deadlines");
        t.setDaemon(true);
        return t;
    });

    public AuctionLifecycle(AuctionRepository auctions, Outbox outbox, Clock clock) {
        this.auctions = auctions;
        this.outbox = outbox;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent start) {
        sweep();
        QuarkusTransaction.requiringNew().call(() -> auctions.list("status in ?1",
                List.of(AuctionStatus.ANNOUNCED, AuctionStatus.OPEN))).forEach(this::schedule);
    }

    void onStop(@Observes ShutdownEvent stop) {
        timers.shutdownNow();
    }

    /** Sets the timers of an auction's opening and close (after its announcement commits, or at start). */
    public void schedule(Auction a) {
        at(a.biddingOpensAt, () -> open(a.auctionId));
        at(a.competitiveClosesAt, () -> close(a.auctionId, null));
    }

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        Instant now = clock.instant();
        List<String> due = QuarkusTransaction.requiringNew().call(() -> auctions.list(
                "(status = ?1 and biddingOpensAt <= ?3) or (status in (?1, ?2) and competitiveClosesAt <= ?3)",
                AuctionStatus.ANNOUNCED, AuctionStatus.OPEN, now).stream().map(a -> a.auctionId).toList());
        for (String id : due) {
            open(id);
            close(id, null);
        }
    }

    /** ANNOUNCED → OPEN once bidding opens; true if this call opened it. */
    public boolean open(String auctionId) {
        Instant now = clock.instant();
        return QuarkusTransaction.requiringNew().call(() -> auctions.update(
                "status = ?1 where auctionId = ?2 and status = ?3 and biddingOpensAt <= ?4",
                AuctionStatus.OPEN, auctionId, AuctionStatus.ANNOUNCED, now) == 1);
    }

    /**
     * OPEN (or ANNOUNCED, for an early close) → CLOSED, announced by AuctionClosed; on schedule when
     * {@code closedBy} is null, early by a desk officer otherwise. True if this call closed it.
     */
    public boolean close(String auctionId, String closedBy) {
        Instant now = clock.instant();
        return QuarkusTransaction.requiringNew().call(() -> {
            int changed = closedBy == null
                    ? auctions.update("status = ?1 where auctionId = ?2 and status in (?3, ?4) and competitiveClosesAt <= ?5",
                            AuctionStatus.CLOSED, auctionId, AuctionStatus.ANNOUNCED, AuctionStatus.OPEN, now)
                    : auctions.update("status = ?1 where auctionId = ?2 and status in (?3, ?4)",
                            AuctionStatus.CLOSED, auctionId, AuctionStatus.ANNOUNCED, AuctionStatus.OPEN);
            if (changed == 1) {
                outbox.publish(new AuctionClosed(auctionId, now, 0));
                LOG.infof("Auction %s closed at %s%s", auctionId, now, closedBy == null ? "" : " by " + closedBy);
            }
            return changed == 1;
        });
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
    public Auction cancel(String auctionId) {
        int changed = QuarkusTransaction.requiringNew().call(() -> auctions.update(
                "status = ?1 where auctionId = ?2 and status in (?3, ?4)",
                AuctionStatus.CANCELLED, auctionId, AuctionStatus.ANNOUNCED, AuctionStatus.OPEN));
        Auction a = find(auctionId); // 404 for an unknown auction
        if (changed == 0) {
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
