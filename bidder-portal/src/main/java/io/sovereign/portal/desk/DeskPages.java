package io.sovereign.portal.desk;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.sovereign.kit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The auction desk's pages: calendar, announcements, live book, results and publication. */
@Path("/desk")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.AUCTION_DESK, Roles.AUCTION_SUPERVISOR})
public class DeskPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance calendar();
    }

    @GET
    public TemplateInstance calendar() {
        return Templates.calendar();
    }
}
