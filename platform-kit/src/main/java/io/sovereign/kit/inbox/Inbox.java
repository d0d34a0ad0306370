package io.sovereign.kit.inbox;

import io.sovereign.events.CloudEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * The idempotent consumer's memory. A handler calls {@link #firstDelivery} in the same
 * transaction as its own writes: a redelivered event finds its id and is skipped, and if the
 * handler's transaction rolls back the id is not recorded, so the event is processed again.
 */
@ApplicationScoped
public class Inbox {

    private final EntityManager em;

    public Inbox(EntityManager em) {
        this.em = em;
    }

    /** Records the event; true the first time this (source, id) is seen, false on a redelivery. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(CloudEvent<?> event) {
        int inserted = em.createNativeQuery("insert into inbox_event (source, event_id, type, received_at) "
                + "values (:source, :id, :type, :at) on conflict (source, event_id) do nothing")
                .setParameter("source", event.source())
                .setParameter("id", event.id())
                .setParameter("type", event.type())
                .setParameter("at", Instant.now())
                .executeUpdate();
        return inserted == 1;
    }
}
