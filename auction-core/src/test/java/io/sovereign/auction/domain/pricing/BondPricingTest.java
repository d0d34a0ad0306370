package io.sovereign.auction.domain.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * Cases Appendix B does not work through. Expected figures come from an independent exact
 * (rational arithmetic) implementation of the same formulas, or from published auctions (cusip).
 */
class BondPricingTest {

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    private static BigDecimal n(String s) {
        return new BigDecimal(s);
    }

    @Test
    void atAYieldEqualToTheCouponOnACouponDateThePriceIsPar() {
        BondTerms terms = BondTerms.of(d("2022-08-15"), d("2032-08-15"), n("2.750"));
        assertThat(BondPricing.price(terms, n("2.750"))).isEqualTo(new BondPrice(n("100.000000"), n("0.000000")));
    }

    @Test
    void atZeroYieldThePriceIsTheSumOfWhatIsLeftToBePaid() {
        BondTerms terms = BondTerms.of(d("2022-08-15"), d("2024-08-15"), n("1.000"));
        assertThat(BondPricing.price(terms, BigDecimal.ZERO).price()).hasToString("102.000000");
    }

    @Test
    void aLongFirstCouponSettledAfterTheSkippedQuasiCouponDate() {
        // dated 1 Mar 1990, settled 1 Jun 1990: accrued = 4.25 x (75/181 + 17/184) per 100
        BondTerms terms = new BondTerms(d("1990-06-01"), d("1995-05-15"), d("1990-03-01"), d("1990-11-15"), n("8.500"));
        BondPrice p = BondPricing.price(terms, n("8.530"));
        assertThat(p.price()).hasToString("99.800542");
        assertThat(p.accruedInterest()).hasToString("2.153713");
    }

    @Test
    void aReopeningAfterTheFirstCouponAccruesFromTheLastCoupon() {
        BondTerms terms = new BondTerms(d("2021-03-01"), d("2030-02-15"), d("2020-02-15"), d("2020-08-15"), n("1.500"));
        BondPrice p = BondPricing.price(terms, n("1.600"));
        assertThat(p.price()).hasToString("99.167801");
        assertThat(p.accruedInterest()).hasToString("0.058011");   // 14 of 181 days
    }

    @Test
    void monthEndMaturitiesInLeapYears() {
        // 912828UR9: 0.750% note maturing 28 Feb 2018, reopened 29 Feb 2016 at 0.752%: published 99.996037
        BondTerms reopened = BondTerms.of(d("2016-02-29"), d("2018-02-28"), n("0.750"));
        assertThat(reopened.firstInterestPaymentDate()).isEqualTo(d("2016-08-31"));
        assertThat(BondPricing.price(reopened, n("0.7520")).price()).hasToString("99.996037");
        // issued on 29 Feb 2020 for 28 Feb 2022, and a 30 August maturity (not a month end)
        assertThat(BondPricing.price(BondTerms.of(d("2020-02-29"), d("2022-02-28"), n("1.125")), n("1.200")).price())
                .hasToString("99.852223");
        assertThat(BondPricing.price(BondTerms.of(d("2024-02-29"), d("2026-08-30"), n("4.000")), n("4.100")).price())
                .hasToString("99.764669");
    }

    @Test
    void negativeRealYieldsOfTips() {
        // 912828ZZ6: 0.125% TIPS of July 2030, new issue of 31 Jul 2020 at -0.930%: real price 111.032606
        BondTerms terms = new BondTerms(d("2020-07-31"), d("2030-07-15"), d("2020-07-15"), null, n("0.125"));
        assertThat(terms.firstInterestPaymentDate()).isEqualTo(d("2021-01-15"));
        BondPrice real = BondPricing.price(terms, n("-0.9300"));
        assertThat(real.price()).hasToString("111.032606");
        assertThat(real.accruedInterest()).hasToString("0.005435");
        assertThat(TipsPricing.adjustedPrice(real.price(), n("1.00001"))).hasToString("111.033716");
    }

    @Test
    void aResolvedBondPricesManyYieldsLikeTheOneShotCall() {
        BondTerms terms = new BondTerms(d("1985-11-29"), d("1995-11-15"), d("1985-11-15"), null, n("9.500"));
        ResolvedBond bond = BondPricing.resolve(terms);
        for (int bp = -50; bp <= 50; bp += 7) {
            BigDecimal yield = n("9.540").add(BigDecimal.valueOf(bp, 3));
            assertThat(bond.price(yield)).isEqualTo(BondPricing.price(terms, yield));
        }
        assertThat(bond.price(n("9.540")).price()).hasToString("99.730918");
    }

    @Test
    void higherYieldsGiveLowerPrices() {
        ResolvedBond bond = BondPricing.resolve(BondTerms.of(d("2022-08-15"), d("2052-08-15"), n("3.000")));
        BigDecimal previous = null;
        for (int y = -500; y <= 1500; y += 125) {
            BigDecimal price = bond.price(BigDecimal.valueOf(y, 2)).price();
            if (previous != null) {
                assertThat(price).isLessThan(previous);
            }
            previous = price;
        }
    }

    @Test
    void refusesAYieldWithoutAPrice() {
        ResolvedBond bond = BondPricing.resolve(BondTerms.of(d("2022-08-15"), d("2025-08-15"), n("3.125")));
        assertThatThrownBy(() -> bond.price(null)).hasMessage("yield is required");
        assertThatThrownBy(() -> bond.price(n("-200"))).hasMessage("yield must be greater than -200");
    }
}
