package io.sovereign.kit.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.ForbiddenException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error leaves a service as {@code application/problem+json}; bad input never becomes a 500.
 * A missing or invalid token is left to Quarkus' authentication challenge (401 with
 * WWW-Authenticate for APIs, the login redirect for the portal's pages).
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return toResponse(e);
    }

    /** The problem response of an exception (for results completed asynchronously). */
    public static Response toResponse(ProblemException e) {
        Response.ResponseBuilder response = Response.status(e.status()).type(Problem.MEDIA_TYPE).entity(new Problem(
                e.type(), e.title(), e.status(), e.getMessage(), null, e.errors(), e.extensions()));
        e.headers().forEach(response::header);
        return response.build();
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(field(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .collect(Collectors.toList());
        return respond(400, "Invalid request", "The request has " + errors.size() + " invalid field(s)", errors);
    }

    // Quarkus maps MismatchedInputException (unknown field, wrong type) itself with an empty 400:
    // the closest exception type wins, so this one is named explicitly
    @ServerExceptionMapper(priority = 1)
    public Response mismatched(MismatchedInputException e) {
        return unreadable(e);
    }

    @ServerExceptionMapper(priority = 1)
    public Response unreadable(JsonProcessingException e) {
        String field = e instanceof JsonMappingException m ? path(m) : "";
        String message;
        if (e instanceof UnrecognizedPropertyException u) {
            field = path(u);
            message = "unknown field '" + u.getPropertyName() + "'";
        } else if (e instanceof InvalidFormatException f && f.getTargetType() == java.math.BigDecimal.class) {
            message = f.getOriginalMessage();
        } else if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
            message = "must be one of " + java.util.Arrays.toString(f.getTargetType().getEnumConstants());
        } else if (e instanceof JsonMappingException && !field.isEmpty()) {
            message = "has the wrong type or format";
        } else {
            message = "the body is not valid JSON";
        }
        List<Problem.FieldError> errors = field.isEmpty() ? List.of() : List.of(new Problem.FieldError(field, message));
        return respond(400, "Invalid request", field.isEmpty() ? message : field + ": " + message, errors);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(403, "Forbidden", "Your role does not allow this operation", List.of());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("Request failed", e);
        }
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type == null ? "Error" : type.getReasonPhrase();
        String detail = status >= 500 ? "The request could not be completed" : e.getMessage();
        return respond(status, title, detail, List.of());
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("Unexpected error", e);
        return respond(500, "Internal error", "The request could not be completed", List.of());
    }

    public static Response respond(int status, String title, String detail, List<Problem.FieldError> errors) {
        return Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(new Problem("about:blank", title, status, detail, null, errors)).build();
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    /** "create.arg0.security.isin" → "security.isin": drop the method and parameter segments. */
    private static String field(ConstraintViolation<?> v) {
        String[] parts = v.getPropertyPath().toString().split("\\.");
        if (parts.length <= 2) {
            return parts[parts.length - 1];
        }
        return String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length));
    }
}
