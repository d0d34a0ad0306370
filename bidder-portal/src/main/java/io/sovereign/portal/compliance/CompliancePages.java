package io.sovereign.portal.compliance;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.sovereign.kit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The compliance officer's pages: the KYC queue and decisions with reasons. */
@Path("/compliance")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.COMPLIANCE_OFFICER})
public class CompliancePages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance queue();
    }

    @GET
    public TemplateInstance queue() {
        return Templates.queue();
    }
}
