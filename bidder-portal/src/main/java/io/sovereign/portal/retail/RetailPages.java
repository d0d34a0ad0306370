package io.sovereign.portal.retail;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.sovereign.kit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The retail investor's pages: profile and KYC status, subscriptions, awards and digital bond holdings. */
@Path("/retail")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.RETAIL_INVESTOR})
public class RetailPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home();
    }

    @GET
    public TemplateInstance home() {
        return Templates.home();
    }
}
