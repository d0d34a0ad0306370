package io.sovereign.auction.rest;

import io.sovereign.auction.service.SimulationService;
import io.sovereign.kit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/auctions/simulate")
@Tag(name = "Simulation")
public class SimulationResource {

    private final SimulationService service;

    public SimulationResource(SimulationService service) {
        this.service = service;
    }

    @POST
    @RolesAllowed(Roles.AUCTION_DESK)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Clear an auction on given terms and bids (DOMAIN.md §2); nothing is stored")
    @APIResponse(responseCode = "200", description = "The clearing: rates, prices, statistics and every bid's allocation")
    @APIResponse(responseCode = "400", description = "Invalid terms or bids, each named (bids[i].field with the bid id); more than 1,000,000 bids")
    @APIResponse(responseCode = "401", description = "No or invalid token")
    @APIResponse(responseCode = "403", description = "Not auction-desk")
    public Response simulate(@NotNull @Valid SimulationRequest request) {
        SimulationService.Simulation s = service.simulate(request);
        StreamingOutput body = out -> ClearingResultWriter.write(out, s.terms(), s.securityType(), s.result(), null);
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
    }
}
