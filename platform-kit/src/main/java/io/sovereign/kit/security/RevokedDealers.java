package io.sovereign.kit.security;

import io.sovereign.events.CloudEvent;
import io.sovereign.events.DealerDisabled;
import io.sovereign.events.EventCodec;
import io.sovereign.events.PlatformEvent;
import io.sovereign.kit.inbox.EventOrigin;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Dealer systems that were disabled, learnt from identity.events.v1. Every instance of every
 * service reads the whole topic from the beginning under a consumer group of its own (see this
 * module's microprofile-config.properties), so each knows every disabled dealer; only identity's
 * own events count ({@link EventOrigin}).
 */
@ApplicationScoped
public class RevokedDealers {

    public static final String CHANNEL = "revoked-dealers";
    private static final Logger LOG = Logger.getLogger(RevokedDealers.class);

    private final Set<String> revoked = ConcurrentHashMap.newKeySet();

    @Incoming(CHANNEL)
    public void onIdentityEvent(ConsumerRecord<String, String> record) {
        CloudEvent<PlatformEvent> event;
        try {
            event = EventCodec.read(record.value());
        } catch (EventCodec.MalformedEventException e) {
            return; // not ours to judge: the identity topic's owner logs it
        }
        var refusal = EventOrigin.refusal(record.topic(), event);
        if (refusal.isPresent()) {
            // a forged DealerDisabled would lock a dealer out
            LOG.errorf("Refusing event %s (not applied): %s", event.id(), refusal.get());
            return;
        }
        if (event.data() instanceof DealerDisabled disabled && revoked.add(disabled.clientId())) {
            LOG.infof("Dealer %s disabled: its tokens are refused from now on", disabled.clientId());
        }
    }

    public boolean isRevoked(String clientId) {
        return clientId != null && revoked.contains(clientId);
    }
}
