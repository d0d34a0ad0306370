package io.sovereign.kit.inbox;

import io.sovereign.events.CloudEvent;
import io.sovereign.events.PlatformEvent;
import io.sovereign.events.Topics;
import java.util.Optional;

/**
 * Defense in depth behind the broker's ACLs: a consumer applies an event only if it arrived on
 * the topic its type belongs to, with the {@code source} of that topic's one publisher. An
 * {@code InvestorApproved} is applied only from identity.events.v1 and from identity: written on
 * auction.events.v1 (which auction-core may write) or claiming another source, it is refused, so a
 * service whose Kafka credential leaked cannot approve investors or disable dealers.
 */
public final class EventOrigin {

    private EventOrigin() {
    }

    /** Why the event read from {@code topic} must not be applied; empty if it may. */
    public static Optional<String> refusal(String topic, CloudEvent<? extends PlatformEvent> event) {
        String home = event.data().topic();
        if (!home.equals(topic)) {
            return Optional.of(event.type() + " belongs on " + home + ", not on " + topic);
        }
        String publisher = Topics.publisher(topic);
        if (!event.source().equals(publisher)) {
            return Optional.of(event.type() + " on " + topic + " must come from " + publisher + ", not from "
                    + event.source());
        }
        return Optional.empty();
    }
}
