package io.sovereign.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * A CloudEvents 1.0 envelope in structured JSON mode. {@code id} is what idempotent consumers
 * de-duplicate on; {@code subject} carries the Kafka key (auctionId, investorId or allocationId).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CloudEvent<T extends PlatformEvent>(
        String specversion,
        String id,
        String source,
        String type,
        String subject,
        Instant time,
        String datacontenttype,
        T data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String JSON = "application/json";

    public CloudEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(data, "data");
    }

    /** A new envelope with a fresh id, the event's own type and key, stamped now to the microsecond. */
    public static <T extends PlatformEvent> CloudEvent<T> of(String source, T data) {
        return new CloudEvent<>(SPEC_VERSION, UUID.randomUUID().toString(), source, EventType.of(data).typeName(),
                data.key(), Instant.now().truncatedTo(ChronoUnit.MICROS), JSON, data);
    }
}
