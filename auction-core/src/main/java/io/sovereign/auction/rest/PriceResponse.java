package io.sovereign.auction.rest;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Per 100 of par. {@code investmentRate} for bills only; {@code adjustedPrice} and
 * {@code adjustedAccruedInterest} for TIPS given an index ratio.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PriceResponse(
        @JsonFormat(shape = JsonFormat.Shape.STRING)
        @Schema(type = SchemaType.STRING, example = "99.057893", description = "Price per 100, 6 decimals (TIPS: real price)")
        BigDecimal price,

        @JsonFormat(shape = JsonFormat.Shape.STRING)
        @Schema(type = SchemaType.STRING, example = "0.000000", description = "Accrued interest per 100, 6 decimals (TIPS: real)")
        BigDecimal accruedInterest,

        @JsonFormat(shape = JsonFormat.Shape.STRING)
        @Schema(type = SchemaType.STRING, example = "8.076", description = "Bills: coupon-equivalent yield, 3 decimals")
        BigDecimal investmentRate,

        @JsonFormat(shape = JsonFormat.Shape.STRING)
        @Schema(type = SchemaType.STRING, example = "101.224234", description = "TIPS: real price x index ratio, 6 decimals")
        BigDecimal adjustedPrice,

        @JsonFormat(shape = JsonFormat.Shape.STRING)
        @Schema(type = SchemaType.STRING, example = "0.026573", description = "TIPS: real accrued x index ratio, 6 decimals")
        BigDecimal adjustedAccruedInterest) {
}
