package io.sovereign.settlement.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.sovereign.kit.inbox.Delivery;
import io.sovereign.settlement.service.SecurityRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Consumes auction.events.v1 (see {@link Delivery} for skipping and retrying). */
@ApplicationScoped
public class AuctionEventsConsumer {

    public static final String CHANNEL = "auction-events";

    private final SecurityRegistry registry;

    public AuctionEventsConsumer(SecurityRegistry registry) {
        this.registry = registry;
    }

    @Incoming(CHANNEL)
    @Blocking(ordered = true)
    public void onEvent(ConsumerRecord<String, String> record) throws InterruptedException {
        // the record's own topic: an event is applied only from its topic's publisher (EventOrigin)
        Delivery.apply(CHANNEL, record.topic(), record.value(), registry::apply);
    }
}
