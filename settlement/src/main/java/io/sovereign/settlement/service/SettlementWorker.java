package io.sovereign.settlement.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Drives delivery versus payment: the cash leg, then the bond leg, every second until done. */
@ApplicationScoped
public class SettlementWorker {

    private static final Logger LOG = Logger.getLogger(SettlementWorker.class);

    private final CashLeg cash;

    public SettlementWorker(CashLeg cash) {
        this.cash = cash;
    }

    @Scheduled(every = "${sovereign.settlement.interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        try {
            cash.run();
        } catch (RuntimeException e) {
            LOG.warnf("Settlement run failed, retrying at the next tick: %s", e.getMessage());
        }
    }
}
