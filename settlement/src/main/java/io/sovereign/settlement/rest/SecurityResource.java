package io.sovereign.settlement.rest;

import io.quarkus.security.Authenticated;
import io.sovereign.kit.idempotency.Idempotency;
import io.sovereign.kit.security.Caller;
import io.sovereign.kit.security.Roles;
import io.sovereign.settlement.service.Holdings;
import io.sovereign.settlement.service.SecurityPayments;
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
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/securities")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Securities")
public class SecurityResource {

    private final Holdings holdings;
    private final SecurityPayments payments;
    private final Caller caller;
    private final long chainId;

    public SecurityResource(Holdings holdings, SecurityPayments payments, Caller caller,
            @ConfigProperty(name = "sovereign.chain.id") long chainId) {
        this.holdings = holdings;
        this.payments = payments;
        this.caller = caller;
        this.chainId = chainId;
    }

    @GET
    @Authenticated
    @APIResponse(responseCode = "200", description = "Every security settlement knows, by maturity, with its supply read from chain")
    @APIResponse(responseCode = "401", description = "No or invalid token")
    @APIResponse(responseCode = "503", description = "The EVM node cannot be reached")
    public List<SecurityView> list() {
        return holdings.securities().stream().map(s -> SecurityView.of(s, chainId)).toList();
    }

    @GET
    @Path("/{isin}/holders")
    @RolesAllowed({Roles.AUCTION_DESK, Roles.SETTLEMENT_OPERATOR, Roles.AUDITOR})
    @APIResponse(responseCode = "200", description = "Holders of record now, read from chain, largest first (none before the first settlement)")
    @APIResponse(responseCode = "403", description = "Not desk, operator or auditor")
    @APIResponse(responseCode = "404", description = "Unknown ISIN")
    @APIResponse(responseCode = "503", description = "The EVM node cannot be reached")
    public List<HolderView> holders(@PathParam("isin") String isin) {
        return holdings.holders(isin).stream().map(h -> new HolderView(h.investorId(), h.walletAddress(), h.balance()))
                .toList();
    }

    @GET
    @Path("/{isin}/reserves")
    @Authenticated
    @APIResponse(responseCode = "200", description = "On-chain total supply at blockNumber against settled allocations minus redemptions")
    @APIResponse(responseCode = "404", description = "Unknown ISIN")
    @APIResponse(responseCode = "503", description = "The EVM node cannot be reached")
    public ReservesView reserves(@PathParam("isin") String isin) {
        return ReservesView.of(holdings.reserves(isin));
    }

    @POST
    @Path("/{isin}/coupons")
    @RolesAllowed(Roles.SETTLEMENT_OPERATOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "Paid now to the holders of record (read from chain at recordBlock)")
    @APIResponse(responseCode = "200", description = "Paid before for this date: the same payment, nothing paid again")
    @APIResponse(responseCode = "400", description = "paymentDate missing or not a coupon date of the bond")
    @APIResponse(responseCode = "403", description = "Not a settlement operator")
    @APIResponse(responseCode = "404", description = "Unknown ISIN")
    @APIResponse(responseCode = "409", description = "A bill, a date not come yet, or no token deployed")
    public Response coupon(@PathParam("isin") String isin, CouponRequest body, @HeaderParam(Idempotency.HEADER) String key) {
        Idempotency.checkKey(key);
        SecurityPayments.Payment p = payments.payCoupon(isin, body == null ? null : body.paymentDate(), caller.username());
        return Response.status(p.created() ? Response.Status.CREATED : Response.Status.OK).entity(PaymentView.of(p)).build();
    }

    @POST
    @Path("/{isin}/redeem")
    @RolesAllowed(Roles.SETTLEMENT_OPERATOR)
    @APIResponse(responseCode = "201", description = "Redeemed now: holders' tokens burned, principal paid")
    @APIResponse(responseCode = "200", description = "Redeemed before: the same redemption, nothing paid again")
    @APIResponse(responseCode = "403", description = "Not a settlement operator")
    @APIResponse(responseCode = "404", description = "Unknown ISIN")
    @APIResponse(responseCode = "409", description = "Not matured yet, or no token deployed")
    @APIResponse(responseCode = "503", description = "The agent is busy signing or the EVM node cannot be reached: try again")
    public Response redeem(@PathParam("isin") String isin, @HeaderParam(Idempotency.HEADER) String key) {
        Idempotency.checkKey(key);
        SecurityPayments.Payment p = payments.redeem(isin, caller.username());
        return Response.status(p.created() ? Response.Status.CREATED : Response.Status.OK).entity(PaymentView.of(p)).build();
    }
}
