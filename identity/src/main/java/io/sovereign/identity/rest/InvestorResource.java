package io.sovereign.identity.rest;

import io.sovereign.identity.mapping.InvestorMapper;
import io.sovereign.identity.repository.InvestorType;
import io.sovereign.identity.repository.KycDecisionRecord;
import io.sovereign.identity.repository.KycStatus;
import io.sovereign.identity.service.InvestorService;
import io.sovereign.identity.service.KycService;
import io.sovereign.kit.problem.ProblemException;
import io.sovereign.kit.security.Caller;
import io.sovereign.kit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/investors")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Investors")
public class InvestorResource {

    private final InvestorService service;
    private final KycService kyc;
    private final Caller caller;

    public InvestorResource(InvestorService service, KycService kyc, Caller caller) {
        this.service = service;
        this.kyc = kyc;
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

    @PUT
    @Path("/me")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.RETAIL_INVESTOR, Roles.PRIMARY_DEALER, Roles.DIRECT_BIDDER})
    @APIResponse(responseCode = "200", description = "The record; new or changed records are PENDING (re-KYC), an identical PUT changes nothing")
    @APIResponse(responseCode = "400", description = "Invalid legal name, country (ISO 3166 alpha-2) or wallet (EIP-55 checksummed)")
    @APIResponse(responseCode = "409", description = "The wallet is registered to another investor")
    public InvestorView register(@NotNull @Valid RegisterInvestorRequest request) {
        InvestorType type = caller.hasRole(Roles.PRIMARY_DEALER) ? InvestorType.PRIMARY_DEALER
                : caller.hasRole(Roles.DIRECT_BIDDER) ? InvestorType.DIRECT_BIDDER : InvestorType.RETAIL;
        return InvestorMapper.toView(service.register(caller.bidderId(), type, request));
    }

    @GET
    @RolesAllowed(Roles.COMPLIANCE_OFFICER)
    @APIResponse(responseCode = "200", description = "Investors, optionally by KYC status, oldest first")
    @APIResponse(responseCode = "400", description = "Unknown KYC status")
    @APIResponse(responseCode = "403", description = "Not a compliance officer")
    public List<InvestorView> list(@QueryParam("kycStatus") String kycStatus) {
        return service.list(parse(kycStatus)).stream().map(InvestorMapper::toView).toList();
    }

    @POST
    @Path("/{investorId}/kyc")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.COMPLIANCE_OFFICER)
    @APIResponse(responseCode = "200", description = "The decision as recorded (a sanctions hit turns an approval into a rejection)")
    @APIResponse(responseCode = "400", description = "Missing decision or reason")
    @APIResponse(responseCode = "403", description = "Not a compliance officer, or the officer's own record")
    @APIResponse(responseCode = "404", description = "Unknown investor")
    @APIResponse(responseCode = "409", description = "Approval of an investor without a wallet")
    public KycDecisionView decide(@PathParam("investorId") String investorId,
            @NotNull @Valid KycDecisionRequest request) {
        return toView(kyc.decide(investorId, request.decision(), request.reason(), caller.bidderId(),
                caller.username()));
    }

    @GET
    @Path("/{investorId}/kyc")
    @RolesAllowed({Roles.COMPLIANCE_OFFICER, Roles.AUDITOR})
    @APIResponse(responseCode = "200", description = "Every KYC decision on the investor, oldest first")
    @APIResponse(responseCode = "404", description = "Unknown investor")
    public List<KycDecisionView> history(@PathParam("investorId") String investorId) {
        return kyc.history(investorId).stream().map(InvestorResource::toView).toList();
    }

    private static KycDecisionView toView(KycDecisionRecord r) {
        return new KycDecisionView(r.investorId, r.requestedDecision, r.outcome, r.reason, r.decidedBy, r.decidedAt);
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
