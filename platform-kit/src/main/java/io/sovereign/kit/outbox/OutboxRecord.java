package io.sovereign.kit.outbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One event waiting in (or sent from) the outbox; {@code payload} is the CloudEvent JSON. States:
 * pending (nothing set), published ({@code publishedAt}), parked ({@code parkedAt}: Kafka refused it
 * for good, see {@link SendFailure}; later events of its key are held back) and discarded by an
 * operator ({@code discardedAt}).
 */
@Entity
@Table(name = "outbox_event")
public class OutboxRecord extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;
    @Column(name = "event_id", nullable = false, unique = true)
    public String eventId;
    @Column(nullable = false)
    public String topic;
    @Column(name = "record_key", nullable = false)
    public String recordKey;
    @Column(nullable = false)
    public String type;
    @Column(nullable = false, columnDefinition = "text")
    public String payload;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "published_at")
    public Instant publishedAt;
    @Column(nullable = false)
    public int attempts;
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "parked_at")
    public Instant parkedAt;
    @Column(name = "parked_error")
    public String parkedError;
    @Column(name = "discarded_at")
    public Instant discardedAt;
    @Column(name = "discarded_by")
    public String discardedBy;
    @Column(name = "discard_reason")
    public String discardReason;

    /** The state an operator sees. */
    public String state() {
        if (publishedAt != null) {
            return "PUBLISHED";
        }
        if (discardedAt != null) {
            return "DISCARDED";
        }
        return parkedAt != null ? "PARKED" : "PENDING";
    }

    /** Kafka's order holds per partition, hence per topic and key: parking holds back this pair. */
    String orderingKey() {
        return topic + "\u0000" + recordKey;
    }
}
