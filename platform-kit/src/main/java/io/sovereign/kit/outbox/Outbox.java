package io.sovereign.kit.outbox;

import io.sovereign.events.CloudEvent;
import io.sovereign.events.EventCodec;
import io.sovereign.events.PlatformEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Writes events in the caller's transaction: the event exists if and only if the state change
 * that it announces was committed. {@link OutboxRelay} sends it to Kafka afterwards.
 */
@ApplicationScoped
public class Outbox {

    private final String source;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;

    public Outbox(@ConfigProperty(name = "quarkus.application.name") String source,
            TransactionSynchronizationRegistry transactions, OutboxRelay relay) {
        this.source = source;
        this.transactions = transactions;
        this.relay = relay;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public <T extends PlatformEvent> CloudEvent<T> publish(T event) {
        CloudEvent<T> envelope = CloudEvent.of(source, event);
        OutboxRecord record = new OutboxRecord();
        record.eventId = envelope.id();
        record.topic = event.topic();
        record.recordKey = event.key();
        record.type = envelope.type();
        record.payload = EventCodec.write(envelope);
        record.createdAt = envelope.time();
        record.persist();
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wakeUp();
                }
            }
        });
        return envelope;
    }
}
