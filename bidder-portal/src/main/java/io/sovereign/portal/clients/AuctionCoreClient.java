package io.sovereign.portal.clients;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.oidc.token.propagation.common.AccessToken;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * auction-core (API.md), called with the logged-in user's access token: the service decides what
 * the user may see, the portal never widens it. A 4xx arrives as a {@link jakarta.ws.rs.WebApplicationException}
 * whose response carries the problem JSON ({@link Problems} reads it).
 */
@RegisterRestClient(configKey = "auction-core")
@AccessToken
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface AuctionCoreClient {

    @GET
    @Path("auctions")
    JsonNode auctions(@QueryParam("status") String status);

    @GET
    @Path("auctions/{id}")
    JsonNode auction(@PathParam("id") String auctionId);

    @POST
    @Path("auctions")
    JsonNode announce(@HeaderParam("Idempotency-Key") String idempotencyKey, JsonNode terms);

    @POST
    @Path("auctions/{id}/close")
    JsonNode close(@PathParam("id") String auctionId);

    @POST
    @Path("auctions/{id}/publish")
    JsonNode publish(@PathParam("id") String auctionId);

    @GET
    @Path("auctions/{id}/book")
    JsonNode book(@PathParam("id") String auctionId);

    @GET
    @Path("auctions/{id}/results")
    JsonNode results(@PathParam("id") String auctionId);

    @POST
    @Path("auctions/{id}/bids")
    JsonNode bid(@PathParam("id") String auctionId, @HeaderParam("Idempotency-Key") String idempotencyKey,
            JsonNode bid);

    @GET
    @Path("auctions/{id}/bids")
    JsonNode bids(@PathParam("id") String auctionId);

    @DELETE
    @Path("auctions/{id}/bids/{bidId}")
    JsonNode withdraw(@PathParam("id") String auctionId, @PathParam("bidId") String bidId);

    @GET
    @Path("auctions/{id}/allocations/me")
    JsonNode myAllocations(@PathParam("id") String auctionId);

    @POST
    @Path("auctions/{id}/subscriptions")
    JsonNode subscribe(@PathParam("id") String auctionId, @HeaderParam("Idempotency-Key") String idempotencyKey,
            JsonNode subscription);

    @GET
    @Path("subscriptions")
    JsonNode subscriptions();

    @POST
    @Path("calculators/price")
    JsonNode price(JsonNode terms);
}
