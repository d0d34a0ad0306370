package io.sovereign.auction.rest;

import io.sovereign.auction.service.BidService;
import io.sovereign.kit.security.Caller;
import io.sovereign.kit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Bids")
public class SubscriptionResource {

    private final BidService bids;
    private final Caller caller;

    public SubscriptionResource(BidService bids, Caller caller) {
        this.bids = bids;
        this.caller = caller;
    }

    @GET
    @RolesAllowed(Roles.RETAIL_INVESTOR)
    @APIResponse(responseCode = "200", description = "The caller's subscriptions, newest first, with awards once published")
    public List<SubscriptionView> mine() {
        return bids.subscriptions(caller.bidderId()).stream().map(SubscriptionView::of).toList();
    }
}
