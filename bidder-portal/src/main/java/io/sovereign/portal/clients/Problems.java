package io.sovereign.portal.clients;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a service answered when it refused a call: its RFC 9457 problem, read so a page can show
 * the detail and put each field's message next to the field.
 */
public record Problems(int status, String title, String detail, Map<String, String> fieldErrors) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The problem a service answered with, or a 503-style problem when it could not be reached. */
    public static Problems of(RuntimeException e) {
        if (e instanceof WebApplicationException w && w.getResponse() != null) {
            int status = w.getResponse().getStatus();
            JsonNode body = null;
            try {
                w.getResponse().bufferEntity();
                String text = w.getResponse().readEntity(String.class);
                body = text == null || text.isBlank() ? null : JSON.readTree(text);
            } catch (RuntimeException | java.io.IOException ignored) {
                // not JSON: the status alone says what happened
            }
            Map<String, String> fields = new LinkedHashMap<>();
            if (body != null && body.path("errors").isArray()) {
                for (JsonNode err : body.path("errors")) {
                    fields.merge(err.path("field").asText(), err.path("message").asText(), (a, b) -> a + "; " + b);
                }
            }
            String title = body == null ? "Request refused" : body.path("title").asText("Request refused");
            String detail = body == null ? "The service answered " + status + "." : body.path("detail").asText(title);
            return new Problems(status, title, detail, fields);
        }
        if (e instanceof ProcessingException) {
            return new Problems(503, "Service unavailable",
                    "A service the portal needs did not answer. Try again in a moment.", Map.of());
        }
        throw e;
    }

    /** The message for one field, or null. */
    public String field(String name) {
        return fieldErrors.get(name);
    }
}
