package io.sovereign.auction.rest;

import io.sovereign.auction.service.PriceCalculator;
import io.sovereign.kit.problem.Problem;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Calculators anyone may use, without a token: the same pricing the clearing engine uses. */
@Path("/api/v1/calculators")
@Tag(name = "Calculators", description = "Prices and rates by 31 CFR 356 Appendix B; no token needed")
public class CalculatorResource {

    private final PriceCalculator calculator;

    public CalculatorResource(PriceCalculator calculator) {
        this.calculator = calculator;
    }

    @POST
    @Path("/price")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Price and accrued interest per 100 from a yield (notes, bonds, TIPS) or a discount rate (bills)")
    @APIResponse(responseCode = "200", description = "Price and accrued interest; bills add the investment rate, "
            + "TIPS with an index ratio the adjusted figures",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PriceResponse.class)))
    @APIResponse(responseCode = "400", description = "Bad input: malformed JSON, an unknown, missing, mistyped or "
            + "inconsistent field, a decimal sent as a JSON number or with too many decimals; each bad field named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "The body is not application/json",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PriceResponse price(@NotNull @Valid PriceRequest request) {
        return calculator.price(request);
    }
}
