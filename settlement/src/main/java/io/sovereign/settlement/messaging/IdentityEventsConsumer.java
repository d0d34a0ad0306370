package io.sovereign.settlement.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.sovereign.kit.inbox.Delivery;
import io.sovereign.settlement.service.SecurityRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
    public void onEvent(ConsumerRecord<String, String> record) throws InterruptedException {
        // the record's own topic: an event is applied only from its topic's publisher (EventOrigin)
        Delivery.apply(CHANNEL, record.topic(), record.value(), registry::apply);
    }
}
