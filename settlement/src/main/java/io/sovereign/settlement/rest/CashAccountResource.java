package io.sovereign.settlement.rest;

import io.sovereign.kit.idempotency.Idempotency;
import io.sovereign.kit.problem.ProblemException;
import io.sovereign.kit.security.Caller;
import io.sovereign.kit.security.Roles;
import io.sovereign.settlement.service.CashAccounts;
import io.sovereign.settlement.service.CashLedger;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/cash-accounts/{investorId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Cash")
public class CashAccountResource {

    private final CashAccounts accounts;
    private final CashLedger ledger;
    private final Caller caller;

    public CashAccountResource(CashAccounts accounts, CashLedger ledger, Caller caller) {
        this.accounts = accounts;
        this.ledger = ledger;
        this.caller = caller;
    }

    @POST
    @Path("/deposits")
    @RolesAllowed(Roles.SETTLEMENT_OPERATOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "Credited: journalId and the balance after it")
    @APIResponse(responseCode = "400", description = "Amount missing, not positive, more than 2 decimals")
    @APIResponse(responseCode = "404", description = "Investor not in the register")
    @APIResponse(responseCode = "422", description = "Idempotency-Key used before with another deposit")
    public Response deposit(@PathParam("investorId") String investorId, DepositRequest body,
            @HeaderParam(Idempotency.HEADER) String key) {
        Idempotency.checkKey(key);
        CashAccounts.Deposit d = accounts.deposit(investorId, body == null ? null : body.amount(), caller.username(), key);
        return Response.status(Response.Status.CREATED).entity(Map.of("investorId", investorId, "journalId", d.journalId(),
                "balance", d.balance().toPlainString())).build();
    }

    @GET
    @Authenticated
    @APIResponse(responseCode = "200", description = "Balance and movements (operator, auditor, or the investor itself)")
    @APIResponse(responseCode = "403", description = "Another investor's account")
    public CashAccountView get(@PathParam("investorId") String investorId) {
        if (!caller.hasRole(Roles.SETTLEMENT_OPERATOR) && !caller.hasRole(Roles.AUDITOR)
                && !investorId.equals(caller.bidderId())) {
            throw ProblemException.forbidden("Only the investor itself, settlement operators and auditors see a cash account");
        }
        String account = CashLedger.investorAccount(investorId);
        return new CashAccountView(investorId, ledger.available(account),
                ledger.movements(account).stream().map(CashAccountView.Movement::of).toList());
    }
}
