package io.sovereign.portal.dealer;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.sovereign.kit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The dealer's pages: open auctions, bid entry, own bids with receipts, withdrawals and awards. */
@Path("/dealer")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.PRIMARY_DEALER, Roles.DIRECT_BIDDER})
public class DealerPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home();
    }

    @GET
    public TemplateInstance home() {
        return Templates.home();
    }
}
