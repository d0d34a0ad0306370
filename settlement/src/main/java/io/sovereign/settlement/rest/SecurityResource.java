package io.sovereign.settlement.rest;

import io.quarkus.security.Authenticated;
import io.sovereign.kit.problem.ProblemException;
import io.sovereign.kit.security.Roles;
import io.sovereign.settlement.repository.Security;
import io.sovereign.settlement.service.SecurityRegistry;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/securities")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Securities")
@SecurityRequirement(name = "SecurityScheme")
public class SecurityResource {

    private final SecurityRegistry registry;
    private final long chainId;

    public SecurityResource(SecurityRegistry registry, @ConfigProperty(name = "sovereign.chain.id") long chainId) {
        this.registry = registry;
        this.chainId = chainId;
    }

    @GET
    @Authenticated
    @APIResponse(responseCode = "200", description = "Every security settlement knows, by maturity")
    @APIResponse(responseCode = "401", description = "No or invalid token")
    public List<SecurityView> list() {
        return registry.list().stream().map(this::toView).toList();
    }

    @GET
    @Path("/{isin}/holders")
    @RolesAllowed({Roles.AUCTION_DESK, Roles.SETTLEMENT_OPERATOR, Roles.AUDITOR})
    @APIResponse(responseCode = "200", description = "Holders of record (none before the first settlement)")
    @APIResponse(responseCode = "403", description = "Not desk, operator or auditor")
    @APIResponse(responseCode = "404", description = "Unknown ISIN")
    public List<HolderView> holders(@PathParam("isin") String isin) {
        registry.find(isin).orElseThrow(() -> ProblemException.notFound("No security " + isin));
        return List.of();
    }

    private SecurityView toView(Security s) {
        return new SecurityView(s.isin, s.tokenAddress, chainId, s.totalSupply, s.couponRate, s.maturityDate);
    }
}
