package io.sovereign.settlement.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.sovereign.kit.inbox.Delivery;
import io.sovereign.settlement.service.SecurityRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Consumes identity.events.v1 into the investor register (see {@link Delivery} for retries). */
@ApplicationScoped
public class IdentityEventsConsumer {

    public static final String CHANNEL = "identity-events";

    private final SecurityRegistry registry;

    public IdentityEventsConsumer(SecurityRegistry registry) {
        this.registry = registry;
    }

    @Incoming(CHANNEL)
    @Blocking(ordered = true)
    public void onEvent(String json) throws InterruptedException {
        Delivery.apply(CHANNEL, json, registry::apply);
    }
}
