package io.sovereign.kit.outbox;

import java.time.Instant;

/** An outbox event as the operators' endpoints show it; {@code heldBack}: later events of its key waiting behind it. */
public record ParkedEventView(String eventId, String type, String topic, String key, String state, Instant createdAt,
        Instant parkedAt, String error, int attempts, long heldBack, Instant discardedAt, String discardedBy,
        String discardReason) {

    static ParkedEventView of(ParkedEvents.Parked p) {
        OutboxRecord e = p.event();
        return new ParkedEventView(e.eventId, e.type, e.topic, e.recordKey, e.state(), e.createdAt, e.parkedAt,
                e.parkedError, e.attempts, p.heldBack(), e.discardedAt, e.discardedBy, e.discardReason);
    }
}
