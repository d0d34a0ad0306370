package io.sovereign.kit.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Thrown by services to answer with a problem document instead of a result. */
public class ProblemException extends RuntimeException {
    private final int status;
    private final String title;
    private final List<Problem.FieldError> errors;
    private final Map<String, Object> extensions = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private String type = "about:blank";

    public ProblemException(int status, String title, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public static ProblemException badRequest(String detail, List<Problem.FieldError> errors) {
        return new ProblemException(400, "Invalid request", detail, errors);
    }

    public static ProblemException badRequest(String field, String message) {
        return badRequest(message, List.of(new Problem.FieldError(field, message)));
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "Not found", detail, List.of());
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "Forbidden", detail, List.of());
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "Conflict", detail, List.of());
    }

    /** 422: an Idempotency-Key sent again with a different request. */
    public static ProblemException keyReused(String detail) {
        return new ProblemException(422, "Idempotency key reused", detail, List.of());
    }

    /**
     * Names the problem type (RFC 9457 {@code type}) where a client must tell this refusal from
     * others of the same status, e.g. {@link #TYPE_BASE} + "investor-not-approved"; "about:blank"
     * otherwise.
     */
    public ProblemException typed(String typeUri) {
        this.type = typeUri;
        return this;
    }

    public String type() {
        return type;
    }

    /** Where the platform's own problem types live: {@code TYPE_BASE + name} (documented in docs/api.md). */
    public static final String TYPE_BASE = "https://sovereign.example/problems/";

    /** Adds a member to the problem document (RFC 9457 extension member). */
    public ProblemException with(String member, Object value) {
        extensions.put(member, value);
        return this;
    }

    /** Adds an HTTP header to the problem response (e.g. {@code Retry-After} of a 429). */
    public ProblemException header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
