package io.sovereign.settlement.rest;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.quarkus.security.Authenticated;
import io.sovereign.kit.security.Caller;
import io.sovereign.settlement.service.Holdings;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/holdings/me")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Holdings")
public class HoldingsResource {

    /** One position: the balance of the caller's wallet read from chain, and the bond's coupons for it. */
    public record PositionView(String isin, String securityType, String tokenAddress, String walletAddress, long balance,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal couponRate, LocalDate issueDate,
            LocalDate maturityDate, boolean redeemed, List<CouponView> coupons) {
    }

    /** A coupon: paid (the amount paid) or to come (what the balance now would get). */
    public record CouponView(LocalDate paymentDate, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount,
            String status) {
    }

    private final Holdings holdings;
    private final Caller caller;

    public HoldingsResource(Holdings holdings, Caller caller) {
        this.holdings = holdings;
        this.caller = caller;
    }

    @GET
    @Authenticated
    @APIResponse(responseCode = "200", description = "The caller's positions (none without an investor record or a wallet)")
    @APIResponse(responseCode = "401", description = "No or invalid token")
    @APIResponse(responseCode = "503", description = "The EVM node cannot be reached")
    public List<PositionView> mine() {
        return holdings.positions(caller.bidderId()).stream().map(p -> new PositionView(p.security().isin,
                p.security().securityType, p.security().tokenAddress, p.walletAddress(), p.balance(),
                p.security().couponRate, p.security().issueDate, p.security().maturityDate, p.redeemed(),
                p.coupons().stream().map(c -> new CouponView(c.paymentDate(), c.amount(), c.paid() ? "PAID" : "SCHEDULED"))
                        .toList())).toList();
    }
}
