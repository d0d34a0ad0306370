package io.sovereign.auction.rest;

import io.sovereign.auction.audit.AuditLog;
import io.sovereign.auction.service.AuctionResults;
import io.sovereign.kit.problem.ProblemException;
import io.sovereign.kit.security.Caller;
import io.sovereign.kit.security.Roles;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The desk's view of an auction's demand and results, the supervisor's publish, the auditor's log. */
@Path("/api/v1/auctions/{auctionId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Results")
public class ResultsResource {

    private final AuctionResults results;
    private final AuditLog audit;
    private final Caller caller;

    public ResultsResource(AuctionResults results, AuditLog audit, Caller caller) {
        this.results = results;
        this.audit = audit;
        this.caller = caller;
    }

    @GET
    @Path("/book")
    @RolesAllowed({Roles.AUCTION_DESK, Roles.AUCTION_SUPERVISOR})
    @APIResponse(responseCode = "200", description = "Competitive demand per level, best first, with cumulative amounts and cover")
    @APIResponse(responseCode = "404", description = "Unknown auction")
    public BookView book(@PathParam("auctionId") String auctionId) {
        return BookView.of(results.book(auctionId));
    }

    @GET
    @Path("/results")
    @Authenticated
    @Operation(summary = "The results: the simulation response plus auctionId and status")
    @APIResponse(responseCode = "200", description = "While ALLOCATED for desk and supervisor (with allocations); once PUBLISHED for everyone (allocations for desk, supervisor and auditor only), with receiptHeads: each bidder's last receipt and number of bids (desk, supervisor and auditor: every bidder's; a bidder: its own)")
    @APIResponse(responseCode = "404", description = "Unknown auction, or not published and the caller is not desk or supervisor")
    @APIResponse(responseCode = "409", description = "Desk or supervisor asking before the clearing")
    public Response results(@PathParam("auctionId") String auctionId) {
        AuctionResults.Document d = results.results(auctionId, new AuctionResults.Viewer(
                caller.hasRole(Roles.AUCTION_DESK) || caller.hasRole(Roles.AUCTION_SUPERVISOR), caller.hasRole(Roles.AUDITOR),
                caller.bidderId()));
        return Response.ok((StreamingOutput) d::writeTo, MediaType.APPLICATION_JSON_TYPE).build();
    }

    @POST
    @Path("/publish")
    @RolesAllowed(Roles.AUCTION_SUPERVISOR)
    @Operation(summary = "Publish the results (four eyes: not by the auction's creator); the allocations go to settlement")
    @APIResponse(responseCode = "200", description = "Published: the results with allocations")
    @APIResponse(responseCode = "403", description = "Not auction-supervisor, or the caller created the auction")
    @APIResponse(responseCode = "404", description = "Unknown auction")
    @APIResponse(responseCode = "409", description = "Not ALLOCATED, or the clearing found no stop-out")
    public Response publish(@PathParam("auctionId") String auctionId) {
        AuctionResults.Document d = results.publish(auctionId, caller.username());
        return Response.ok((StreamingOutput) d::writeTo, MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("/audit")
    @RolesAllowed(Roles.AUDITOR)
    @Operation(summary = "The audit log; sealed until publication: no rate, price or amount of a bid and no clearing result")
    @APIResponse(responseCode = "200", description = "Every bid, withdrawal and state change with who and when, oldest first; before publication submissions name bidder, kind and time only and the clearing entry carries no result")
    @APIResponse(responseCode = "404", description = "Unknown auction")
    public List<AuditLog.Entry> audit(@PathParam("auctionId") String auctionId) {
        List<AuditLog.Entry> entries = audit.entries(auctionId);
        if (entries.isEmpty()) {
            throw ProblemException.notFound("No auction " + auctionId);
        }
        return entries;
    }
}
