package io.sovereign.portal.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.ForbiddenException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A page for another role answers 403 with a page that says so (API.md, portal pages). */
public class ForbiddenPage {

    private final Template forbidden;

    public ForbiddenPage(@Location("forbidden.html") Template forbidden) {
        this.forbidden = forbidden;
    }

    // ahead of platform-kit's problem+json mapper: people get a page, not JSON
    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response forbidden(ForbiddenException e) {
        return Response.status(Response.Status.FORBIDDEN).type(MediaType.TEXT_HTML_TYPE)
                .entity(forbidden.render()).build();
    }
}
