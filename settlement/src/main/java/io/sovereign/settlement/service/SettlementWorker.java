package io.sovereign.settlement.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Drives delivery versus payment and the chain's side of identity, every second until done:
 * the cash leg (database only, any replica, concurrently with the rest) and, under the
 * {@link SignerLock} so that one replica signs at a time, the token deployments, the investor
 * synchronisation and the bond leg. A node error stops the chain work until a backoff has passed
 * (doubling up to 30 s); nothing is dropped, the next run starts from the database again.
 */
@ApplicationScoped
public class SettlementWorker {

    private static final Logger LOG = Logger.getLogger(SettlementWorker.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final CashLeg cash;
    private final BondLeg bonds;
    private final BondTokens tokens;
    private final InvestorChainSync investors;
    private final SignerLock signer;
    private volatile Instant chainPausedUntil = Instant.MIN;
    private int chainFailures;

    public SettlementWorker(CashLeg cash, BondLeg bonds, BondTokens tokens, InvestorChainSync investors, SignerLock signer) {
        this.cash = cash;
        this.bonds = bonds;
        this.tokens = tokens;
        this.investors = investors;
        this.signer = signer;
    }

    @Scheduled(identity = "cash-leg", every = "${sovereign.settlement.interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void cashTick() {
        try {
            cash.run();
        } catch (RuntimeException e) {
            LOG.warnf("Cash leg failed, retrying at the next tick: %s", e.getMessage());
        }
    }

    @Scheduled(identity = "chain", every = "${sovereign.settlement.interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void chainTick() {
        if (Instant.now().isBefore(chainPausedUntil)) {
            return;
        }
        Optional<SignerLock.Held> lock;
        try {
            lock = signer.tryAcquire();
        } catch (RuntimeException e) {
            LOG.warnf("Signer lock not available: %s", e.getMessage());
            return;
        }
        if (lock.isEmpty()) {
            return; // another replica signs
        }
        try (SignerLock.Held held = lock.get()) {
            // first what a crash left in flight: its recorded transactions hold the next nonces
            bonds.recoverInFlight();
            tokens.runTasks();
            investors.run();
            bonds.run();
            chainFailures = 0;
        } catch (RuntimeException e) {
            chainFailures++;
            Duration backoff = Duration.ofSeconds(1L << Math.min(chainFailures - 1, 5));
            backoff = backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff;
            chainPausedUntil = Instant.now().plus(backoff);
            LOG.warnf("Chain work stopped (failure %d), again in %d s: %s", chainFailures, backoff.toSeconds(),
                    e.getMessage());
        }
    }
}
