package io.sovereign.portal.web;

import io.quarkus.security.identity.SecurityIdentity;
import io.sovereign.kit.security.Roles;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.List;

/**
 * The navigation of the logged-in user: the sections of the user's roles. Templates read it as
 * {@code inject:nav}, so every page shows the same menu without each resource passing it.
 */
@Named("nav")
@RequestScoped
public class Nav {

    /** A section of the portal and the roles that may open it. */
    public record Section(String path, String title, String description, List<String> roles) {
    }

    public static final List<Section> SECTIONS = List.of(
            new Section("/desk", "Auction desk", "Calendar, announcements, live book, results and publication",
                    List.of(Roles.AUCTION_DESK, Roles.AUCTION_SUPERVISOR)),
            new Section("/dealer", "Dealer", "Open auctions, bid entry, own bids and awards",
                    List.of(Roles.PRIMARY_DEALER, Roles.DIRECT_BIDDER)),
            new Section("/retail", "Retail", "Profile, subscriptions and digital bond holdings",
                    List.of(Roles.RETAIL_INVESTOR)),
            new Section("/compliance", "Compliance", "KYC queue and decisions", List.of(Roles.COMPLIANCE_OFFICER)));

    private final SecurityIdentity identity;

    public Nav(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The user's name, or null without a session (the 403 and error pages render without one too). */
    public String getUser() {
        return identity.isAnonymous() ? null : identity.getPrincipal().getName();
    }

    public List<Section> getSections() {
        return SECTIONS.stream().filter(s -> s.roles().stream().anyMatch(identity::hasRole)).toList();
    }

    public boolean has(String role) {
        return identity.hasRole(role);
    }
}
