package io.sovereign.settlement.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.sovereign.settlement.clients.AuctionCoreResults;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Every second: each publication whose results and chunks are all here is checked against what
 * auction-core published, then booked or rejected ({@link Publications#verifyAndBook}). The call
 * to auction-core happens outside any transaction and off the Kafka thread; while auction-core or
 * Keycloak cannot answer, the check waits (backoff doubling to 30 s) and is tried again, never
 * skipped. Any replica may run it: the booking locks the publication's row and books once.
 */
@ApplicationScoped
public class PublicationVerifier {

    private static final Logger LOG = Logger.getLogger(PublicationVerifier.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final Publications publications;
    private final AuctionCoreResults auctionCore;
    private final MeterRegistry metrics;
    private volatile Instant pausedUntil = Instant.MIN;
    private int failures;

    public PublicationVerifier(Publications publications, AuctionCoreResults auctionCore, MeterRegistry metrics) {
        this.publications = publications;
        this.auctionCore = auctionCore;
        this.metrics = metrics;
    }

    @Scheduled(identity = "publication-check", every = "${sovereign.settlement.interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        if (Instant.now().isBefore(pausedUntil)) {
            return;
        }
        try {
            for (String auctionId : publications.complete()) {
                publications.verifyAndBook(auctionId, auctionCore.publication(auctionId));
            }
            failures = 0;
        } catch (AuctionCoreResults.UnavailableException e) {
            pause("auction-core cannot confirm a publication", e);
        } catch (RuntimeException e) {
            pause("Checking publications failed", e);
        }
    }

    private void pause(String what, RuntimeException e) {
        failures++;
        metrics.counter("settlement.results.check.failures").increment();
        Duration backoff = Duration.ofSeconds(1L << Math.min(failures - 1, 5));
        backoff = backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff;
        pausedUntil = Instant.now().plus(backoff);
        LOG.warnf("%s (failure %d), trying again in %d s: %s", what, failures, backoff.toSeconds(), e.getMessage());
    }
}
