package io.sovereign.kit.problem;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A body announced larger than {@code quarkus.http.limits.max-body-size} gets its 413 as a problem
 * (Quarkus's own check, one step later in the router, answers an empty 413); the connection is closed
 * as Quarkus does, so the rest of the body is not read.
 */
@ApplicationScoped
public class BodyLimit {

    /** Just before Quarkus's upload limit (RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT, -2). */
    private static final int ORDER = -3;

    void install(@Observes Router router,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize limit) {
        long max = limit.asLongValue();
        String body = "{\"type\":\"about:blank\",\"title\":\"Payload Too Large\",\"status\":413,"
                + "\"detail\":\"The body is larger than " + max + " bytes\"}";
        router.route().order(ORDER).handler(ctx -> {
            String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            long declared;
            try {
                declared = length == null ? -1 : Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                declared = -1;
            }
            if (declared > max) {
                ctx.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close").end(body);
            } else {
                ctx.next();
            }
        });
    }
}
