package io.sovereign.settlement.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.sovereign.events.CloudEvent;
import io.sovereign.events.EventCodec;
import io.sovereign.events.PlatformEvent;
import io.sovereign.settlement.service.SecurityRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes auction.events.v1. Malformed records are logged and skipped (they can never succeed);
 * any other failure (database down) is retried with backoff until it succeeds, so no event is
 * lost and the partition's order is kept.
 */
@ApplicationScoped
public class AuctionEventsConsumer {

    public static final String CHANNEL = "auction-events";
    private static final Logger LOG = Logger.getLogger(AuctionEventsConsumer.class);
    private static final long MAX_BACKOFF_MS = 5_000;

    private final SecurityRegistry registry;

    public AuctionEventsConsumer(SecurityRegistry registry) {
        this.registry = registry;
    }

    @Incoming(CHANNEL)
    @Blocking(ordered = true)
    public void onEvent(String json) throws InterruptedException {
        CloudEvent<PlatformEvent> event;
        try {
            event = EventCodec.read(json);
        } catch (EventCodec.MalformedEventException e) {
            LOG.errorf("Skipping a record on %s: %s", CHANNEL, e.getMessage());
            return;
        }
        long backoff = 100;
        while (true) {
            try {
                registry.apply(event);
                return;
            } catch (RuntimeException e) {
                LOG.warnf("Event %s not applied yet, retrying in %d ms: %s", event.id(), backoff, e.getMessage());
                Thread.sleep(backoff);
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
            }
        }
    }
}
