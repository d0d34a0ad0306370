package io.sovereign.identity.rest;

import io.sovereign.identity.mapping.InvestorMapper;
import io.sovereign.identity.repository.KycStatus;
import io.sovereign.identity.service.InvestorService;
import io.sovereign.kit.problem.ProblemException;
import io.sovereign.kit.security.Caller;
import io.sovereign.kit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/investors")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Investors")
@SecurityRequirement(name = "SecurityScheme")
public class InvestorResource {

    private final InvestorService service;
    private final Caller caller;

    public InvestorResource(InvestorService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Path("/me")
    @RolesAllowed({Roles.RETAIL_INVESTOR, Roles.PRIMARY_DEALER, Roles.DIRECT_BIDDER})
    @APIResponse(responseCode = "200", description = "The caller's investor record")
    @APIResponse(responseCode = "403", description = "Role that holds no investor record")
    @APIResponse(responseCode = "404", description = "The caller has not registered yet")
    public InvestorView me() {
        String id = caller.bidderId();
        return service.find(id).map(InvestorMapper::toView).orElseThrow(() -> ProblemException
                .notFound("You have no investor record yet: register with PUT /api/v1/investors/me"));
    }

    @GET
    @RolesAllowed(Roles.COMPLIANCE_OFFICER)
    @APIResponse(responseCode = "200", description = "Investors, optionally by KYC status, oldest first")
    @APIResponse(responseCode = "400", description = "Unknown KYC status")
    @APIResponse(responseCode = "403", description = "Not a compliance officer")
    public List<InvestorView> list(@QueryParam("kycStatus") String kycStatus) {
        return service.list(parse(kycStatus)).stream().map(InvestorMapper::toView).toList();
    }

    private static KycStatus parse(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return KycStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("kycStatus", "must be one of " + Arrays.toString(KycStatus.values()));
        }
    }
}
