package io.sovereign.settlement.rest;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.sovereign.kit.security.Roles;
import io.sovereign.settlement.service.SettlementInstructions;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/settlements")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Settlements")
public class SettlementResource {

    private final SettlementInstructions instructions;

    public SettlementResource(SettlementInstructions instructions) {
        this.instructions = instructions;
    }

    /** API.md's instruction: PENDING until the bond is minted (the cash leg may already be booked). */
    public record InstructionView(String allocationId, String auctionId, String isin, String investorId,
            String walletAddress, long amount, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal cashAmount,
            String status, String reason, String txHash) {
    }

    @GET
    @RolesAllowed({Roles.AUCTION_DESK, Roles.SETTLEMENT_OPERATOR, Roles.AUDITOR})
    @APIResponse(responseCode = "200", description = "One instruction per allocation with a non-zero award")
    public List<InstructionView> list(@QueryParam("auctionId") String auctionId) {
        return instructions.list(auctionId).stream().map(i -> new InstructionView(i.allocationId(), i.auctionId(), i.isin(),
                i.investorId(), i.walletAddress(), i.amount(), i.cashAmount(),
                i.status() == SettlementInstructions.Status.CASH_DEBITED ? "PENDING" : i.status().name(), i.reason(),
                i.txHash())).toList();
    }
}
