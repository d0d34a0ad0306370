package io.sovereign.auction.rest;

import io.smallrye.common.annotation.Blocking;
import io.sovereign.auction.service.AuctionResults;
import io.sovereign.auction.service.BidIntake;
import io.sovereign.auction.service.BidRateLimiter;
import io.sovereign.auction.service.BidService;
import io.sovereign.auction.service.InvestorProjection;
import io.sovereign.kit.idempotency.Idempotency;
import io.sovereign.kit.problem.ProblemException;
import io.sovereign.kit.problem.ProblemMappers;
import io.sovereign.kit.security.Caller;
import io.sovereign.kit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Bids and retail subscriptions of one auction, and the caller's awards. The bidder is always the
 * caller (from the token); everything another bidder sent is invisible (404).
 */
@Path("/api/v1/auctions/{auctionId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Bids")
public class BidResource {

    private final BidIntake intake;
    private final BidService bids;
    private final AuctionResults results;
    private final InvestorProjection investors;
    private final Caller caller;
    private final Clock clock;
    private final BidRateLimiter limiter;

    public BidResource(BidIntake intake, BidService bids, AuctionResults results, InvestorProjection investors,
            Caller caller, Clock clock, BidRateLimiter limiter) {
        this.limiter = limiter;
        this.intake = intake;
        this.bids = bids;
        this.results = results;
        this.investors = investors;
        this.caller = caller;
        this.clock = clock;
    }

    @POST
    @Path("/bids")
    @RolesAllowed({Roles.PRIMARY_DEALER, Roles.DIRECT_BIDDER})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit a bid; 201 only once it is durably stored, with its place in the receipt chain")
    @APIResponse(responseCode = "201", description = "Stored: bidId, receivedAt and receipt")
    @APIResponse(responseCode = "400", description = "Breaks the auction's terms, each bad field named")
    @APIResponse(responseCode = "403", description = "Not primary-dealer or direct-bidder; or the bidder's investor record is not APPROVED (type .../investor-not-approved); or the dealer was disabled (type .../dealer-disabled)")
    @APIResponse(responseCode = "404", description = "Unknown auction")
    @APIResponse(responseCode = "409", description = "Received before the opening, at or after the deadline (receivedAt and deadline in the problem), or the auction is closed or cancelled")
    @APIResponse(responseCode = "422", description = "Idempotency-Key used before with another bid")
    @APIResponse(responseCode = "429", description = "The bidder's rate limit is exceeded; nothing stored; Retry-After says when to send it again")
    @APIResponse(responseCode = "503", description = "Not stored (overload or database down); send it again with the same Idempotency-Key")
    public CompletionStage<Response> submit(@PathParam("auctionId") String auctionId, BidSubmission body,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey, @Context UriInfo uri) {
        Instant receivedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String bidderId = caller.bidderId();
        limiter.acquire(bidderId);
        Idempotency.checkKey(idempotencyKey);
        BidSubmission b = body == null ? new BidSubmission(null, null, null, null, null) : body;
        return created(uri, intake.submit(auctionId, new BidIntake.Bidder(bidderId, false, null),
                new BidIntake.BidRequest(b.kind(), b.rate(), b.price(), b.amount(), b.netLongPosition()), receivedAt,
                "bids", idempotencyKey));
    }

    @POST
    @Path("/subscriptions")
    @RolesAllowed(Roles.RETAIL_INVESTOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Blocking
    @Operation(summary = "Subscribe (a non-competitive bid) as a KYC-approved retail investor with a wallet")
    @APIResponse(responseCode = "201", description = "Stored: bidId, receivedAt and receipt")
    @APIResponse(responseCode = "400", description = "Amount below the minimum, not a multiple, or above the limit")
    @APIResponse(responseCode = "403", description = "Not retail-investor, or KYC not APPROVED, or no wallet")
    @APIResponse(responseCode = "404", description = "Unknown auction")
    @APIResponse(responseCode = "409", description = "Received before the opening or at or after the non-competitive deadline")
    @APIResponse(responseCode = "422", description = "Idempotency-Key used before with another subscription")
    @APIResponse(responseCode = "429", description = "The investor's rate limit is exceeded; nothing stored; Retry-After says when to send it again")
    public CompletionStage<Response> subscribe(@PathParam("auctionId") String auctionId, SubscriptionRequest body,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey, @Context UriInfo uri) {
        Instant receivedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String investorId = caller.bidderId();
        limiter.acquire(investorId);
        Idempotency.checkKey(idempotencyKey);
        InvestorProjection.InvestorStatus status = investors.find(investorId)
                .filter(InvestorProjection.InvestorStatus::maySubscribe)
                .orElseThrow(() -> ProblemException.forbidden("Only investors whose KYC is APPROVED and who have registered "
                        + "a wallet may subscribe; see PUT /api/v1/investors/me on identity"));
        Long amount = body == null ? null : body.amount();
        return created(uri, intake.submit(auctionId, new BidIntake.Bidder(investorId, true, status.walletAddress()),
                new BidIntake.BidRequest(io.sovereign.auction.domain.clearing.BidKind.NONCOMPETITIVE, null, null, amount, 0L),
                receivedAt, "subscriptions", idempotencyKey));
    }

    /** 201 with the bid's absolute Location (resolved now, on the request's thread), or the problem. */
    private static CompletionStage<Response> created(UriInfo uri, CompletionStage<BidIntake.Receipt> receipt) {
        URI bids = uri.getBaseUriBuilder().path("api/v1/auctions").path(uri.getPathParameters().getFirst("auctionId"))
                .path("bids").build();
        return receipt.handle((r, e) -> {
            if (e == null) {
                return Response.status(Response.Status.CREATED).header("Location", bids + "/" + r.bidId())
                        .entity(r).type(MediaType.APPLICATION_JSON_TYPE).build();
            }
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            if (cause instanceof ProblemException p) {
                return ProblemMappers.toResponse(p);
            }
            throw new CompletionException(cause);
        });
    }

    @GET
    @Path("/bids")
    @RolesAllowed({Roles.PRIMARY_DEALER, Roles.DIRECT_BIDDER, Roles.RETAIL_INVESTOR})
    @Blocking
    @APIResponse(responseCode = "200", description = "The caller's own bids, withdrawn ones marked")
    @APIResponse(responseCode = "404", description = "Unknown auction")
    public List<OwnBidView> list(@PathParam("auctionId") String auctionId) {
        return bids.ownBids(auctionId, caller.bidderId()).stream().map(OwnBidView::of).toList();
    }

    @GET
    @Path("/bids/{bidId}")
    @RolesAllowed({Roles.PRIMARY_DEALER, Roles.DIRECT_BIDDER, Roles.RETAIL_INVESTOR})
    @Blocking
    @APIResponse(responseCode = "200", description = "One of the caller's bids")
    @APIResponse(responseCode = "404", description = "Unknown, or another bidder's")
    public OwnBidView get(@PathParam("auctionId") String auctionId, @PathParam("bidId") String bidId) {
        return OwnBidView.of(bids.ownBid(auctionId, bidId, caller.bidderId()));
    }

    @DELETE
    @Path("/bids/{bidId}")
    @RolesAllowed({Roles.PRIMARY_DEALER, Roles.DIRECT_BIDDER, Roles.RETAIL_INVESTOR})
    @Blocking
    @Operation(summary = "Withdraw one of the caller's bids before its deadline; the bid stays recorded as withdrawn")
    @APIResponse(responseCode = "200", description = "Withdrawn (also when it already was)")
    @APIResponse(responseCode = "404", description = "Unknown, or another bidder's")
    @APIResponse(responseCode = "409", description = "At or after the bid's deadline, or the auction is closed")
    public OwnBidView withdraw(@PathParam("auctionId") String auctionId, @PathParam("bidId") String bidId) {
        return OwnBidView.of(bids.withdraw(auctionId, bidId, caller.bidderId()));
    }

    @GET
    @Path("/allocations/me")
    @RolesAllowed({Roles.PRIMARY_DEALER, Roles.DIRECT_BIDDER, Roles.RETAIL_INVESTOR})
    @Blocking
    @APIResponse(responseCode = "200", description = "The caller's awards (one per bid, accepted 0 if not awarded)")
    @APIResponse(responseCode = "404", description = "Unknown auction")
    @APIResponse(responseCode = "409", description = "Not published yet")
    public List<AllocationView> myAllocations(@PathParam("auctionId") String auctionId) {
        return results.awardsOf(auctionId, caller.bidderId()).stream().map(AllocationView::of).toList();
    }
}
