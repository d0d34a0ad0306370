package io.sovereign.portal.clients;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.oidc.token.propagation.common.AccessToken;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** settlement's read side (API.md), called with the logged-in user's access token. */
@RegisterRestClient(configKey = "settlement")
@AccessToken
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface SettlementClient {

    @GET
    @Path("securities")
    JsonNode securities();

    @GET
    @Path("settlements")
    JsonNode settlements(@QueryParam("auctionId") String auctionId);

    @GET
    @Path("settlements/publications/{auctionId}")
    JsonNode publication(@PathParam("auctionId") String auctionId);

    @GET
    @Path("holdings/me")
    JsonNode holdings();

    @GET
    @Path("cash-accounts/{investorId}")
    JsonNode cashAccount(@PathParam("investorId") String investorId);
}
