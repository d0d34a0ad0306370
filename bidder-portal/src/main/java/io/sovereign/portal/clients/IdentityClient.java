package io.sovereign.portal.clients;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.oidc.token.propagation.common.AccessToken;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** identity's investor registry (API.md), called with the logged-in user's access token. */
@RegisterRestClient(configKey = "identity")
@AccessToken
@Path("/api/v1/investors")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface IdentityClient {

    @GET
    @Path("me")
    JsonNode me();

    @PUT
    @Path("me")
    JsonNode register(JsonNode profile);

    @GET
    JsonNode investors(@QueryParam("kycStatus") String kycStatus);

    @POST
    @Path("{id}/kyc")
    JsonNode decide(@PathParam("id") String investorId, JsonNode decision);
}
