package io.sovereign.auction.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.sovereign.auction.service.InvestorProjection;
import io.sovereign.kit.inbox.Delivery;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Consumes identity.events.v1 into the investor projection (see {@link Delivery} for retries). */
@ApplicationScoped
public class IdentityEventsConsumer {

    public static final String CHANNEL = "identity-events";

    private final InvestorProjection projection;

    public IdentityEventsConsumer(InvestorProjection projection) {
        this.projection = projection;
    }

    @Incoming(CHANNEL)
    @Blocking(ordered = true)
    public void onEvent(ConsumerRecord<String, String> record) throws InterruptedException {
        // the record's own topic: an event is applied only from its topic's publisher (EventOrigin)
        Delivery.apply(CHANNEL, record.topic(), record.value(), projection::apply);
    }
}
