package io.sovereign.auction.rest;

import io.quarkus.security.Authenticated;
import io.sovereign.auction.domain.AuctionStatus;
import io.sovereign.auction.mapping.AuctionMapper;
import io.sovereign.auction.service.AuctionLifecycle;
import io.sovereign.auction.service.AuctionService;
import io.sovereign.kit.problem.ProblemException;
import io.sovereign.kit.security.Caller;
import io.sovereign.kit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import io.sovereign.kit.idempotency.Idempotency;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/auctions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Auctions")
public class AuctionResource {

    private final AuctionService service;
    private final AuctionLifecycle lifecycle;
    private final Caller caller;

    public AuctionResource(AuctionService service, AuctionLifecycle lifecycle, Caller caller) {
        this.service = service;
        this.lifecycle = lifecycle;
        this.caller = caller;
    }

    @POST
    @Path("/{auctionId}/close")
    @RolesAllowed(Roles.AUCTION_DESK)
    @APIResponse(responseCode = "200", description = "Closed early; AuctionClosed is published")
    @APIResponse(responseCode = "404", description = "Unknown auction")
    @APIResponse(responseCode = "409", description = "Not announced or open")
    public AuctionView close(@PathParam("auctionId") String auctionId) {
        return AuctionMapper.toView(lifecycle.closeEarly(auctionId, caller.username()));
    }

    @POST
    @Path("/{auctionId}/cancel")
    @RolesAllowed(Roles.AUCTION_DESK)
    @APIResponse(responseCode = "200", description = "Cancelled")
    @APIResponse(responseCode = "404", description = "Unknown auction")
    @APIResponse(responseCode = "409", description = "Already closed (or cancelled)")
    public AuctionView cancel(@PathParam("auctionId") String auctionId) {
        return AuctionMapper.toView(lifecycle.cancel(auctionId, caller.username()));
    }

    @GET
    @Authenticated
    @APIResponse(responseCode = "200", description = "Announced auctions, soonest close first")
    @APIResponse(responseCode = "400", description = "Unknown status")
    @APIResponse(responseCode = "401", description = "No or invalid token")
    public List<AuctionView> list(@QueryParam("status") String status) {
        return service.list(parseStatus(status)).stream().map(AuctionMapper::toView).toList();
    }

    @GET
    @Path("/{auctionId}")
    @Authenticated
    @APIResponse(responseCode = "200", description = "The auction's terms and status")
    @APIResponse(responseCode = "404", description = "Unknown auction")
    public AuctionView get(@PathParam("auctionId") String auctionId) {
        return service.find(auctionId).map(AuctionMapper::toView)
                .orElseThrow(() -> ProblemException.notFound("No auction " + auctionId));
    }

    @POST
    @RolesAllowed(Roles.AUCTION_DESK)
    @APIResponse(responseCode = "201", description = "Announced; Location names the auction")
    @APIResponse(responseCode = "400", description = "Invalid terms, each bad field named")
    @APIResponse(responseCode = "403", description = "Not auction-desk")
    @APIResponse(responseCode = "422", description = "Idempotency-Key used before with another request")
    public Response announce(@NotNull @Valid AnnounceAuctionRequest request,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey, @jakarta.ws.rs.core.Context UriInfo uri) {
        Idempotency.checkKey(idempotencyKey);
        AuctionService.Announced a = service.announce(request, caller.username(), idempotencyKey);
        return Response.created(uri.getAbsolutePathBuilder().path(a.auctionId()).build())
                .entity(a.body()).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    private static AuctionStatus parseStatus(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return AuctionStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("status", "must be one of " + java.util.Arrays.toString(AuctionStatus.values()));
        }
    }
}
