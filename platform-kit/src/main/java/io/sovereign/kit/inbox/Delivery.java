package io.sovereign.kit.inbox;

import io.sovereign.events.CloudEvent;
import io.sovereign.events.EventCodec;
import io.sovereign.events.PlatformEvent;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * How a consumer applies a record: a malformed record is logged and skipped (it can never
 * succeed); any other failure (database down) is retried with backoff until it succeeds, so no
 * event is lost and the partition's order is kept. The handler is idempotent through the
 * {@link Inbox}. An event that did not come from its topic's publisher ({@link EventOrigin}) is
 * logged and skipped too: applying it would let a forger change state.
 */
public final class Delivery {

    private static final Logger LOG = Logger.getLogger(Delivery.class);
    private static final long MAX_BACKOFF_MS = 5_000;

    private Delivery() {
    }

    /** Applies a record of {@code topic} (the topic {@code channel} is configured to consume). */
    public static void apply(String channel, String topic, String json, Consumer<CloudEvent<PlatformEvent>> handler)
            throws InterruptedException {
        CloudEvent<PlatformEvent> event;
        try {
            event = EventCodec.read(json);
        } catch (EventCodec.MalformedEventException e) {
            LOG.errorf("Skipping a record on %s: %s", channel, e.getMessage());
            return;
        }
        var refusal = EventOrigin.refusal(topic, event);
        if (refusal.isPresent()) {
            LOG.errorf("Refusing event %s on %s (not applied): %s", event.id(), channel, refusal.get());
            return;
        }
        long backoff = 100;
        while (true) {
            try {
                handler.accept(event);
                return;
            } catch (RuntimeException e) {
                LOG.warnf("Event %s not applied yet, retrying in %d ms: %s", event.id(), backoff, e.getMessage());
                Thread.sleep(backoff); // backoff between attempts of a failing handler
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
            }
        }
    }
}
