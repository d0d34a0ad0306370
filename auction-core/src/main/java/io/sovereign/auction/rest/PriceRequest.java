package io.sovereign.auction.rest;

import io.sovereign.auction.domain.SecurityType;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * POST /api/v1/calculators/price. Decimals are JSON strings. A BILL takes {@code discountRate};
 * a NOTE, BOND or TIPS takes {@code couponRate} and {@code yield} (the real yield for TIPS, which
 * alone may be negative) and may give {@code datedDate} and {@code firstInterestPaymentDate};
 * TIPS may give {@code indexRatio}. Any field that does not apply to the security type is refused.
 */
public record PriceRequest(
        @NotNull
        SecurityType securityType,

        @NotNull
        @Schema(type = SchemaType.STRING, format = "date", example = "1990-05-15", description = "Settlement date")
        LocalDate issueDate,

        @NotNull
        @Schema(type = SchemaType.STRING, format = "date", example = "2020-05-15")
        LocalDate maturityDate,
        @Schema(type = SchemaType.STRING, format = "date", description = "Interest accrues from here; defaults to issueDate")
        LocalDate datedDate,
        @Schema(type = SchemaType.STRING, format = "date",
                description = "Defaults to the first regular coupon date after datedDate; may be a short or long first coupon")
        LocalDate firstInterestPaymentDate,
        @Schema(type = SchemaType.STRING, pattern = PriceRequest.DECIMAL, example = "8.750",
                description = "Annual coupon in percent, at most 3 decimals (NOTE, BOND, TIPS)")
        String couponRate,
        @Schema(type = SchemaType.STRING, pattern = PriceRequest.DECIMAL, example = "8.840",
                description = "Yield in percent, at most 3 decimals; the real yield of a TIPS (NOTE, BOND, TIPS)")
        String yield,
        @Schema(type = SchemaType.STRING, pattern = PriceRequest.DECIMAL, example = "7.610",
                description = "Discount rate in percent, at most 3 decimals (BILL)")
        String discountRate,
        @Schema(type = SchemaType.STRING, pattern = PriceRequest.DECIMAL, example = "1.02376",
                description = "Index ratio on the issue date, at most 5 decimals (TIPS)")
        String indexRatio) {

    /** A plain decimal: optional minus, up to 6 integer digits, optional fraction; no exponent. */
    public static final String DECIMAL = "-?[0-9]{1,6}(\\.[0-9]+)?";
}
