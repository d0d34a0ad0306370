package io.sovereign.settlement.rest;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.sovereign.kit.problem.ProblemException;
import io.sovereign.kit.security.Roles;
import io.sovereign.settlement.service.Publications;
import io.sovereign.settlement.service.SettlementInstructions;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/settlements")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Settlements")
public class SettlementResource {

    private final SettlementInstructions instructions;
    private final Publications publications;

    public SettlementResource(SettlementInstructions instructions, Publications publications) {
        this.instructions = instructions;
        this.publications = publications;
    }

    /** How far an auction's publication has come in settlement (the desk's "reached settlement" check). */
    public record PublicationView(String auctionId, String status, int allocationCount, int chunkCount, int chunksReceived,
            long instructions, String reason, Instant receivedAt, Instant bookedAt) {
    }

    @GET
    @Path("/publications/{auctionId}")
    @RolesAllowed({Roles.AUCTION_DESK, Roles.SETTLEMENT_OPERATOR, Roles.AUDITOR})
    @APIResponse(responseCode = "200", description = "RECEIVED (waiting for chunks or the check against auction-core), "
            + "BOOKED (instructions created) or REJECTED (the allocations did not match auction-core's; nothing booked)")
    @APIResponse(responseCode = "404", description = "Nothing of this auction's publication reached settlement")
    public PublicationView publication(@PathParam("auctionId") String auctionId) {
        Publications.View v = publications.view(auctionId).orElseThrow(() -> ProblemException.notFound(
                "No publication of auction " + auctionId + " reached settlement"));
        return new PublicationView(v.auctionId(), v.status().name(), v.allocationCount(), v.chunkCount(),
                v.chunksReceived(), v.instructions(), v.reason(), v.receivedAt(), v.bookedAt());
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
