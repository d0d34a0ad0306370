package io.sovereign.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Writes and reads envelopes as CloudEvents structured JSON. Reading looks at {@code type} first
 * and binds {@code data} to that type's record, so one topic can carry several types.
 */
public final class EventCodec {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            // newer producers may add fields; consumers must keep working
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private EventCodec() {
    }

    public static String write(CloudEvent<?> event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event cannot be serialised: " + event.type(), e);
        }
    }

    /** The size in bytes of a value's JSON (UTF-8), as it would appear inside an event. */
    public static int jsonBytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value).length;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Value cannot be serialised: " + value.getClass(), e);
        }
    }

    /**
     * Reads an envelope.
     *
     * @throws MalformedEventException if the JSON is not a CloudEvent of a known type
     */
    public static CloudEvent<PlatformEvent> read(String json) {
        try {
            JsonNode root = MAPPER.readTree(json);
            if (root == null || !root.isObject()) {
                throw new MalformedEventException("not a JSON object");
            }
            String type = text(root, "type");
            EventType eventType = EventType.byName(type)
                    .orElseThrow(() -> new MalformedEventException("unknown event type " + type));
            JsonNode data = root.get("data");
            if (data == null || !data.isObject()) {
                throw new MalformedEventException("missing data");
            }
            PlatformEvent payload = MAPPER.treeToValue(data, eventType.recordClass());
            JsonNode time = root.get("time");
            return new CloudEvent<>(text(root, "specversion"), text(root, "id"), text(root, "source"), type,
                    root.path("subject").asText(null),
                    time == null || time.isNull() ? null : MAPPER.treeToValue(time, java.time.Instant.class),
                    root.path("datacontenttype").asText(null), payload);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEventException(e.getMessage());
        }
    }

    private static String text(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            throw new MalformedEventException("missing " + field);
        }
        return node.asText();
    }

    /** The bytes on the topic are not an event this platform understands. */
    public static final class MalformedEventException extends RuntimeException {
        public MalformedEventException(String message) {
            super("Malformed CloudEvent: " + message);
        }
    }
}
