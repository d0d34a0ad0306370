package io.sovereign.identity.rest;

import io.sovereign.identity.service.DealerService;
import io.sovereign.kit.security.Caller;
import io.sovereign.kit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Dealer onboarding by the auction desk, with a second officer's approval. */
@Path("/api/v1/dealers")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.AUCTION_DESK)
@Tag(name = "Dealers")
public class DealerResource {

    private final DealerService service;
    private final Caller caller;

    public DealerResource(DealerService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @APIResponse(responseCode = "200", description = "Every dealer, oldest request first (no secrets)")
    public List<DealerView> list() {
        return service.list().stream().map(d -> DealerView.of(d, null)).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "202", description = "Requested; another desk officer must approve it")
    @APIResponse(responseCode = "400", description = "Invalid client id or legal name")
    @APIResponse(responseCode = "409", description = "Client id taken: a dealer, or any Keycloak client or user "
            + "service-account-<clientId>, has it; no secret is returned")
    @APIResponse(responseCode = "502", description = "Keycloak could not be reached; nothing changed")
    public Response request(@NotNull @Valid DealerRequest request) {
        return Response.accepted(DealerView.of(service.request(request, caller.username()), null)).build();
    }

    @POST
    @Path("/{clientId}/approve")
    @APIResponse(responseCode = "201", description = "Created in Keycloak; clientSecret is shown this once")
    @APIResponse(responseCode = "403", description = "The requesting officer cannot approve (four eyes)")
    @APIResponse(responseCode = "404", description = "Unknown dealer")
    @APIResponse(responseCode = "409", description = "Not pending approval, or the client id was taken in Keycloak "
            + "since the request (nothing created, no secret)")
    @APIResponse(responseCode = "502", description = "Keycloak could not be reached; nothing changed")
    public Response approve(@PathParam("clientId") String clientId) {
        DealerService.Approved a = service.approve(clientId, caller.username());
        return Response.status(Response.Status.CREATED).entity(DealerView.of(a.dealer(), a.secret())).build();
    }

    @POST
    @Path("/{clientId}/secret")
    @APIResponse(responseCode = "202", description = "A new secret is requested; another desk officer must approve it")
    @APIResponse(responseCode = "404", description = "Unknown dealer")
    @APIResponse(responseCode = "409", description = "Not active, or a request is pending already")
    public Response requestSecret(@PathParam("clientId") String clientId) {
        return Response.accepted(DealerView.of(service.requestSecret(clientId, caller.username()), null)).build();
    }

    @POST
    @Path("/{clientId}/secret/approve")
    @APIResponse(responseCode = "201", description = "Keycloak generated a new secret (the old one no longer works); "
            + "clientSecret is shown this once")
    @APIResponse(responseCode = "403", description = "The requesting officer cannot approve (four eyes)")
    @APIResponse(responseCode = "404", description = "Unknown dealer")
    @APIResponse(responseCode = "409", description = "No new secret pending, or the dealer is not active")
    @APIResponse(responseCode = "502", description = "Keycloak could not be reached; nothing changed")
    public Response approveSecret(@PathParam("clientId") String clientId) {
        DealerService.Approved a = service.approveSecret(clientId, caller.username());
        return Response.status(Response.Status.CREATED).entity(DealerView.of(a.dealer(), a.secret())).build();
    }

    @POST
    @Path("/{clientId}/disable")
    @APIResponse(responseCode = "200", description = "Disabled: Keycloak issues the dealer no more tokens")
    @APIResponse(responseCode = "404", description = "Unknown dealer")
    @APIResponse(responseCode = "409", description = "Not active")
    public DealerView disable(@PathParam("clientId") String clientId) {
        return DealerView.of(service.disable(clientId, caller.username()), null);
    }
}
