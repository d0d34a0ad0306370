package io.sovereign.auction.domain.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The worked examples of 31 CFR 356 Appendix B, as tabled in DOMAIN.md §1. */
class AppendixBExamplesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            regular first period                   | 8.750 | 8.840 | 1990-05-15 | 1990-05-15 | 1990-11-15 | 2020-05-15 | 99.057893 | 0.000000
            short first period                     | 8.500 | 8.590 | 1990-04-02 | 1990-04-02 | 1990-09-30 | 1992-03-31 | 99.838183 | 0.000000
            long first period                      | 8.500 | 8.530 | 1990-03-01 | 1990-03-01 | 1990-11-15 | 1995-05-15 | 99.805118 | 0.000000
            new issue accruing 14 days             | 9.500 | 9.540 | 1985-11-29 | 1985-11-15 | 1986-05-15 | 1995-11-15 | 99.730918 | 0.367403
            """)
    void notesAndBonds(String example, String coupon, String yield, LocalDate issue, LocalDate dated,
            LocalDate firstInterest, LocalDate maturity, String price, String accrued) {
        BondTerms terms = new BondTerms(issue, maturity, dated, firstInterest, new BigDecimal(coupon));

        BondPrice p = BondPricing.price(terms, new BigDecimal(yield));

        assertThat(p.price()).hasToString(price);
        assertThat(p.accruedInterest()).hasToString(accrued);
    }

    @Test
    void theDefaultsGiveTheSameRegularAndShortFirstPeriods() {
        // dated date = issue date, first coupon = the next one counted back from maturity
        assertThat(BondPricing.price(BondTerms.of(LocalDate.parse("1990-05-15"), LocalDate.parse("2020-05-15"),
                new BigDecimal("8.750")), new BigDecimal("8.840")).price()).hasToString("99.057893");
        assertThat(BondPricing.price(BondTerms.of(LocalDate.parse("1990-04-02"), LocalDate.parse("1992-03-31"),
                new BigDecimal("8.500")), new BigDecimal("8.590")).price()).hasToString("99.838183");
    }

    @Test
    void billOf90DaysFromItsDiscountRate() {
        assertThat(BillPricing.price(LocalDate.parse("1989-11-24"), LocalDate.parse("1990-02-22"),
                new BigDecimal("7.610"))).hasToString("98.097500");
    }

    @Test
    void billOf20DaysInvestmentRate() {
        assertThat(BillPricing.investmentRate(LocalDate.parse("1990-06-01"), LocalDate.parse("1990-06-21"),
                new BigDecimal("99.559444"))).hasToString("8.076");
    }

    @Test
    void billOf364DaysInvestmentRateByTheQuadratic() {
        assertThat(BillPricing.investmentRate(LocalDate.parse("1990-06-07"), LocalDate.parse("1991-06-06"),
                new BigDecimal("92.265000"))).hasToString("8.237");
    }
}
