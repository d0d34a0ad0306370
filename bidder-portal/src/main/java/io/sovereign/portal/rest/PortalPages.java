package io.sovereign.portal.rest;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.sovereign.kit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;

/** The portal's pages; each role sees its own section, and a page for another role answers 403. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class PortalPages {

    /** A section of the portal and the roles that may open it. */
    public record Section(String path, String title, String description, List<String> roles) {
    }

    static final List<Section> SECTIONS = List.of(
            new Section("/desk", "Auction desk", "Calendar, announcements, live book, results and publication",
                    List.of(Roles.AUCTION_DESK, Roles.AUCTION_SUPERVISOR)),
            new Section("/dealer", "Dealer", "Open auctions, bid entry, own bids and awards",
                    List.of(Roles.PRIMARY_DEALER, Roles.DIRECT_BIDDER)),
            new Section("/retail", "Retail", "Profile, subscriptions and digital bond holdings",
                    List.of(Roles.RETAIL_INVESTOR)),
            new Section("/compliance", "Compliance", "KYC queue and decisions", List.of(Roles.COMPLIANCE_OFFICER)));

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(String user, List<Section> sections);

        static native TemplateInstance section(String user, Section section, String auctionId);
    }

    private final SecurityIdentity identity;

    public PortalPages(SecurityIdentity identity) {
        this.identity = identity;
    }

    @GET
    @Authenticated
    public TemplateInstance home() {
        List<Section> mine = new ArrayList<>();
        for (Section s : SECTIONS) {
            if (s.roles().stream().anyMatch(identity::hasRole)) {
                mine.add(s);
            }
        }
        return Templates.home(user(), mine);
    }

    @GET
    @Path("desk")
    @RolesAllowed({Roles.AUCTION_DESK, Roles.AUCTION_SUPERVISOR})
    public TemplateInstance desk() {
        return Templates.section(user(), SECTIONS.get(0), null);
    }

    @GET
    @Path("desk/auctions/{auctionId}")
    @RolesAllowed({Roles.AUCTION_DESK, Roles.AUCTION_SUPERVISOR})
    public TemplateInstance deskAuction(@PathParam("auctionId") String auctionId) {
        return Templates.section(user(), SECTIONS.get(0), auctionId);
    }

    @GET
    @Path("dealer")
    @RolesAllowed({Roles.PRIMARY_DEALER, Roles.DIRECT_BIDDER})
    public TemplateInstance dealer() {
        return Templates.section(user(), SECTIONS.get(1), null);
    }

    @GET
    @Path("retail")
    @RolesAllowed(Roles.RETAIL_INVESTOR)
    public TemplateInstance retail() {
        return Templates.section(user(), SECTIONS.get(2), null);
    }

    @GET
    @Path("compliance")
    @RolesAllowed(Roles.COMPLIANCE_OFFICER)
    public TemplateInstance compliance() {
        return Templates.section(user(), SECTIONS.get(3), null);
    }

    private String user() {
        return identity.getPrincipal().getName();
    }
}
