package io.sovereign.portal.desk;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * auction-core for the live book stream. Unlike {@link io.sovereign.portal.clients.AuctionCoreClient}
 * it takes the token as an argument: the stream polls on a worker thread long after the request
 * that opened it, where no request context (and so no propagated token) exists. The page captures
 * the user's access token when the stream is opened and passes it on each call.
 */
@RegisterRestClient(configKey = "auction-core")
@Path("/api/v1/auctions/{id}")
@Produces(MediaType.APPLICATION_JSON)
public interface BookStreamClient {

    @GET
    JsonNode auction(@HeaderParam("Authorization") String bearer, @PathParam("id") String auctionId);

    @GET
    @Path("book")
    JsonNode book(@HeaderParam("Authorization") String bearer, @PathParam("id") String auctionId);
}
