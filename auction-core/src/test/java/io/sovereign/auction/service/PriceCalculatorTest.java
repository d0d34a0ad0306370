package io.sovereign.auction.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.sovereign.auction.domain.SecurityType;
import io.sovereign.auction.rest.PriceRequest;
import io.sovereign.auction.rest.PriceResponse;
import io.sovereign.kit.problem.Problem.FieldError;
import io.sovereign.kit.problem.ProblemException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PriceCalculatorTest {

    private final PriceCalculator calculator = new PriceCalculator();

    private static LocalDate d(String iso) {
        return iso == null ? null : LocalDate.parse(iso);
    }

    private static PriceRequest note(String coupon, String yield) {
        return new PriceRequest(SecurityType.NOTE, d("1990-05-15"), d("2020-05-15"), d("1990-05-15"), d("1990-11-15"),
                coupon, yield, null, null);
    }

    private static PriceRequest bill(String issue, String maturity, String discountRate) {
        return new PriceRequest(SecurityType.BILL, d(issue), d(maturity), null, null, null, null, discountRate, null);
    }

    private static ProblemException refused(PriceRequest request) {
        return catchThrowableOfType(ProblemException.class, () -> new PriceCalculator().price(request));
    }

    @Test
    void pricesTheAppendixBRegularExample() {
        assertThat(calculator.price(note("8.750", "8.840")))
                .isEqualTo(new PriceResponse(new java.math.BigDecimal("99.057893"), new java.math.BigDecimal("0.000000"),
                        null, null, null));
    }

    @Test
    void pricesABillWithItsInvestmentRate() {
        PriceResponse r = calculator.price(bill("1989-11-24", "1990-02-22", "7.610"));
        assertThat(r.price()).hasToString("98.097500");
        assertThat(r.accruedInterest()).hasToString("0.000000");
        assertThat(r.investmentRate()).hasToString("7.865");   // 1.9025 / 98.0975 x 365 / 90
        assertThat(r.adjustedPrice()).isNull();
    }

    @Test
    void pricesTipsOnTheRealYieldAndAdjustsByTheIndexRatio() {
        // 91282CEJ6 reopened 30 Jun 2022 at 0.362%: real 98.874965, adjusted 101.224234, accrued 0.25956 / 0.26573 per $1,000
        PriceRequest tips = new PriceRequest(SecurityType.TIPS, d("2022-06-30"), d("2027-04-15"), d("2022-04-15"),
                d("2022-10-15"), "0.125", "0.362", null, "1.02376");
        assertThat(calculator.price(tips)).isEqualTo(new PriceResponse(new java.math.BigDecimal("98.874965"),
                new java.math.BigDecimal("0.025956"), null, new java.math.BigDecimal("101.224234"),
                new java.math.BigDecimal("0.026573")));
        PriceRequest negative = new PriceRequest(SecurityType.TIPS, d("2020-07-31"), d("2030-07-15"), d("2020-07-15"),
                null, "0.125", "-0.930", null, null);
        assertThat(calculator.price(negative).price()).hasToString("111.032606");
        assertThat(calculator.price(negative).adjustedPrice()).isNull();
    }

    @Test
    void aBillRefusesCouponFieldsAndNeedsADiscountRate() {
        PriceRequest r = new PriceRequest(SecurityType.BILL, d("2022-08-11"), d("2023-08-10"), d("2022-08-11"), null,
                "3.125", "3.200", null, null);
        assertThat(refused(r).errors()).containsExactly(
                new FieldError("couponRate", "does not apply to a BILL, which is priced from discountRate"),
                new FieldError("yield", "does not apply to a BILL, which is priced from discountRate"),
                new FieldError("datedDate", "does not apply to a BILL, which is priced from discountRate"),
                new FieldError("discountRate", "is required for a BILL"));
    }

    @Test
    void aNoteNeedsAYieldAndACouponAndNoDiscountRate() {
        PriceRequest r = new PriceRequest(SecurityType.NOTE, d("2022-08-15"), d("2025-08-15"), null, null, null, null,
                "3.000", "1.00000");
        ProblemException e = refused(r);
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.errors()).extracting(FieldError::field)
                .containsExactly("discountRate", "indexRatio", "couponRate", "yield");
        assertThat(e.errors()).contains(new FieldError("yield", "is required for a NOTE"));
    }

    @Test
    void maturityMustFollowIssue() {
        assertThat(refused(bill("2022-08-11", "2022-08-11", "3.000")).errors())
                .containsExactly(new FieldError("maturityDate", "must be after issueDate"));
        assertThat(refused(new PriceRequest(SecurityType.BOND, d("2022-08-15"), d("2020-08-15"), null, null, "3.000",
                "3.100", null, null)).errors()).containsExactly(new FieldError("maturityDate", "must be after issueDate"));
    }

    @Test
    void ratesHaveAtMostThreeDecimalsAndIndexRatiosFive() {
        assertThat(refused(note("8.7500", "8.840")).errors())
                .containsExactly(new FieldError("couponRate", "must have at most 3 decimals"));
        assertThat(refused(bill("2022-08-11", "2023-08-10", "3.2001")).errors())
                .containsExactly(new FieldError("discountRate", "must have at most 3 decimals"));
        PriceRequest tips = new PriceRequest(SecurityType.TIPS, d("2022-06-30"), d("2027-04-15"), d("2022-04-15"),
                null, "0.125", "0.362", null, "1.023760");
        assertThat(refused(tips).errors()).containsExactly(new FieldError("indexRatio", "must have at most 5 decimals"));
    }

    @Test
    void decimalsMustBePlainNumbers() {
        for (String bad : new String[] {"8,75", "8.75e0", "+8.75", " 8.75", "", ".5", "1234567.0", "NaN"}) {
            assertThat(refused(note(bad, "8.840")).errors()).as(bad)
                    .containsExactly(new FieldError("couponRate", "must be a decimal number in a JSON string, such as \"8.750\""));
        }
    }

    @Test
    void onlyTipsRealYieldsMayBeNegative() {
        assertThat(refused(note("0.125", "-0.100")).errors())
                .containsExactly(new FieldError("yield", "must not be negative for a NOTE (only TIPS real yields may be)"));
        assertThat(refused(note("-0.125", "0.100")).errors())
                .containsExactly(new FieldError("couponRate", "must not be negative"));
        assertThat(refused(bill("2022-08-11", "2023-08-10", "-0.005")).errors())
                .containsExactly(new FieldError("discountRate", "must not be negative"));
    }

    @Test
    void termsTheDomainRefusesAreNamedByTheirField() {
        PriceRequest offSchedule = new PriceRequest(SecurityType.NOTE, d("2022-08-15"), d("2025-08-15"), null,
                d("2023-01-15"), "3.000", "3.100", null, null);
        ProblemException e = refused(offSchedule);
        assertThat(e.errors()).containsExactly(new FieldError("firstInterestPaymentDate",
                "must be a coupon date, counted back from maturityDate 2025-08-15 in 6-month steps"));
        assertThat(e.getMessage()).startsWith("firstInterestPaymentDate must be a coupon date");

        assertThat(refused(bill("2022-08-11", "2023-08-10", "360.000")).errors())
                .containsExactly(new FieldError("discountRate", "360.000 leaves no positive price"));
        // a price of about 1 per 100 after half a year: no real investment rate
        assertThat(refused(bill("2022-08-31", "2023-03-01", "195.800")).errors())
                .extracting(FieldError::field).containsExactly("discountRate");
    }

    @Test
    void missingRequiredFieldsAreNamedEvenWithoutBeanValidation() {
        assertThat(refused(new PriceRequest(null, null, null, null, null, null, null, null, null)).errors())
                .extracting(FieldError::field).containsExactly("securityType", "issueDate", "maturityDate");
    }
}
