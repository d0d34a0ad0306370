package io.sovereign.portal.retail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Figures checked by hand or independently: the expected values below were computed with a
 * separate Python script (decimal arithmetic at 50 digits, yield by bisection, convexity by a
 * finite difference of the price, not by the closed form used here).
 */
class BondAnalyticsTest {

    private static BigDecimal r(BigDecimal x, int scale) {
        return x.setScale(scale, RoundingMode.HALF_UP);
    }

    @Test
    void aTenYearFivePercentBondAtParYieldsItsCouponWithTheTextbookDurationAndConvexity() {
        var f = BondAnalytics.analyse(new BigDecimal("5.000"), LocalDate.of(2034, 1, 15), LocalDate.of(2024, 1, 15),
                new BigDecimal("100"));

        assertThat(f.yieldPercent3()).isEqualByComparingTo("5.000");
        assertThat(r(f.yieldToMaturity(), 10)).isEqualByComparingTo("5.0000000000");
        assertThat(f.accruedInterest()).isEqualByComparingTo("0");
        assertThat(f.macaulay4()).isEqualByComparingTo("7.9894");
        assertThat(f.modified4()).isEqualByComparingTo("7.7946");
        // (1/P) d2P/dy2 = sum t(t+1) CF v^(t+2) / (4P) over the 20 half-years: 73.6287 years²
        assertThat(r(f.convexity(), 4)).isEqualByComparingTo("73.6287");
    }

    @Test
    void anyParBondYieldsItsCoupon() {
        for (String coupon : List.of("0.125", "2.375", "4.625", "8.000")) {
            var f = BondAnalytics.analyse(new BigDecimal(coupon), LocalDate.of(2035, 8, 15), LocalDate.of(2025, 8, 15),
                    new BigDecimal("100"));
            assertThat(r(f.yieldToMaturity(), 9)).as(coupon).isEqualByComparingTo(coupon);
        }
    }

    @Test
    void theAppendixBRegularFirstPeriodPriceGivesBackTheAuctionYield() {
        // 31 CFR 356 Appendix B: 8.750 % coupon, 8.840 % yield, issued 1990-05-15, maturing 2020-05-15 → 99.057893
        var f = BondAnalytics.analyse(new BigDecimal("8.750"), LocalDate.of(2020, 5, 15), LocalDate.of(1990, 5, 15),
                new BigDecimal("99.057893"));

        assertThat(f.yieldPercent3()).isEqualByComparingTo("8.840");
        assertThat(f.modified4()).isEqualByComparingTo("10.4819");
        assertThat(f.convexity2()).isEqualByComparingTo("188.81");
        assertThat(r(BondAnalytics.dirtyPrice(new BigDecimal("8.750"), LocalDate.of(2020, 5, 15), LocalDate.of(1990, 5, 15),
                new BigDecimal("8.840")), 6)).isEqualByComparingTo("99.057893");
    }

    @Test
    void betweenCouponDatesTheAccruedInterestIsAddedAndTheFractionalPeriodCompounded() {
        // 4.125 % maturing 2033-08-15, settled 2025-03-10: 23 of 181 days since 2025-02-15, accrued 2.0625 x 23 / 181
        var f = BondAnalytics.analyse(new BigDecimal("4.125"), LocalDate.of(2033, 8, 15), LocalDate.of(2025, 3, 10),
                new BigDecimal("97.5"));

        assertThat(r(f.accruedInterest(), 10)).isEqualByComparingTo("0.2620856354");
        assertThat(r(f.yieldToMaturity(), 8)).isEqualByComparingTo("4.48381286");
        assertThat(r(f.macaulayDuration(), 6)).isEqualByComparingTo("7.172435");
        assertThat(r(f.modifiedDuration(), 6)).isEqualByComparingTo("7.015162");
        assertThat(r(f.convexity(), 4)).isEqualByComparingTo("57.9613");
    }

    @Test
    void endOfMonthMaturitiesPayOnMonthEnds() {
        // 2.5 % maturing 2030-11-30: coupons on 31 May and 30 November; settled 2025-06-10, 10 of 183 days accrued
        var f = BondAnalytics.analyse(new BigDecimal("2.500"), LocalDate.of(2030, 11, 30), LocalDate.of(2025, 6, 10),
                new BigDecimal("101.25"));

        assertThat(r(f.accruedInterest(), 10)).isEqualByComparingTo("0.0683060109");
        assertThat(r(f.yieldToMaturity(), 8)).isEqualByComparingTo("2.25584883");
        assertThat(r(f.modifiedDuration(), 6)).isEqualByComparingTo("5.090547");
        assertThat(r(f.convexity(), 4)).isEqualByComparingTo("29.4493");
    }

    @Test
    void aBillIsAZeroCouponBondWhoseMacaulayDurationIsItsTimeToMaturity() {
        // 180 of 181 days to maturity (the quasi-coupon period 2025-08-31 .. 2026-02-28): D = 180/181/2 years
        var f = BondAnalytics.analyse(null, LocalDate.of(2026, 2, 28), LocalDate.of(2025, 9, 1), new BigDecimal("98"));

        assertThat(r(f.macaulayDuration(), 10)).isEqualByComparingTo("0.4972375691");
        assertThat(r(f.yieldToMaturity(), 8)).isEqualByComparingTo("4.10453950");
        assertThat(r(f.modifiedDuration(), 8)).isEqualByComparingTo("0.48723813");
        assertThat(r(f.convexity(), 6)).isEqualByComparingTo("0.476121");
    }

    @Test
    void deepDiscountsAndPremiumsWithNegativeYieldsConvergeToTheYieldThatReprices() {
        LocalDate settled = LocalDate.of(2025, 5, 15);
        record Case(String coupon, LocalDate maturity, String price) {
        }
        for (Case c : List.of(new Case("1", LocalDate.of(2055, 5, 15), "20"), new Case("9", LocalDate.of(2027, 5, 15), "120"),
                new Case("0.125", LocalDate.of(2026, 11, 15), "104"))) {
            var f = BondAnalytics.analyse(new BigDecimal(c.coupon()), c.maturity(), settled, new BigDecimal(c.price()));
            BigDecimal back = BondAnalytics.dirtyPrice(new BigDecimal(c.coupon()), c.maturity(), settled, f.yieldToMaturity());
            assertThat(r(back, 10)).as(c.toString()).isEqualByComparingTo(r(f.dirtyPrice(), 10));
        }
        assertThat(BondAnalytics.analyse(new BigDecimal("0.125"), LocalDate.of(2026, 11, 15), settled, new BigDecimal("104"))
                .yieldToMaturity()).isNegative();
    }

    @Test
    void thePortfolioAveragesByMarketValue() {
        var par = BondAnalytics.analyse(new BigDecimal("5.000"), LocalDate.of(2034, 1, 15), LocalDate.of(2024, 1, 15),
                new BigDecimal("100"));
        var bill = BondAnalytics.analyse(null, LocalDate.of(2026, 2, 28), LocalDate.of(2025, 9, 1), new BigDecimal("98"));

        var total = BondAnalytics.portfolio(List.of(new BondAnalytics.Weighted(new BigDecimal("300"), par),
                new BondAnalytics.Weighted(new BigDecimal("100"), bill)));

        assertThat(total.marketValue()).isEqualByComparingTo("400");
        assertThat(r(total.yieldToMaturity(), 8))
                .isEqualByComparingTo(r(new BigDecimal("15").add(bill.yieldToMaturity()).divide(new BigDecimal("4")), 8));
        assertThat(r(total.modifiedDuration(), 8)).isEqualByComparingTo(r(par.modifiedDuration().multiply(new BigDecimal("3"))
                .add(bill.modifiedDuration()).divide(new BigDecimal("4")), 8));
        assertThat(BondAnalytics.portfolio(List.of())).isNull();
    }

    @Test
    void impossibleInputsAreRefused() {
        assertThatThrownBy(() -> BondAnalytics.analyse(new BigDecimal("5"), LocalDate.of(2024, 1, 15), LocalDate.of(2024, 1, 15),
                new BigDecimal("100"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BondAnalytics.analyse(new BigDecimal("5"), LocalDate.of(2034, 1, 15), LocalDate.of(2024, 1, 15),
                BigDecimal.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
