package io.sovereign.portal.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The home page: the sections of the user's roles (the layout's menu, {@code inject:nav}). */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class PortalPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home();
    }

    @GET
    @Authenticated
    public TemplateInstance home() {
        return Templates.home();
    }
}
