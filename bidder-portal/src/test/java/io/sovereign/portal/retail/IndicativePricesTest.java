package io.sovereign.portal.retail;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class IndicativePricesTest {

    @Test
    void aNewIssuesCouponIsTheHighestEighthNotAboveTheYieldAtLeastAnEighth() {
        assertThat(IndicativePrices.newIssueCoupon(new BigDecimal("3.202"))).isEqualByComparingTo("3.125");
        assertThat(IndicativePrices.newIssueCoupon(new BigDecimal("4.250"))).isEqualByComparingTo("4.250");
        assertThat(IndicativePrices.newIssueCoupon(new BigDecimal("4.249"))).isEqualByComparingTo("4.125");
        assertThat(IndicativePrices.newIssueCoupon(new BigDecimal("0.050"))).isEqualByComparingTo("0.125");
        assertThat(IndicativePrices.newIssueCoupon(new BigDecimal("3.202")).scale()).isEqualTo(3);
    }

    @Test
    void termsAreComparableWithinAFifth() {
        assertThat(IndicativePrices.termMonths(LocalDate.of(2026, 11, 24), LocalDate.of(2036, 11, 24))).isEqualTo(120);
        assertThat(IndicativePrices.termMonths(LocalDate.of(2026, 1, 31), LocalDate.of(2026, 4, 30))).isEqualTo(3);
        assertThat(IndicativePrices.similarTerm(120, 118)).isTrue();
        assertThat(IndicativePrices.similarTerm(120, 60)).isFalse();
        assertThat(IndicativePrices.similarTerm(3, 4)).isTrue();
        assertThat(IndicativePrices.similarTerm(3, 6)).isFalse();
    }
}
