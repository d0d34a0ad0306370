package io.sovereign.auction.domain.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class TipsPricingTest {

    @Test
    void adjustsTheRoundedRealPriceAndRoundsAgain() {
        // 91282CEJ6, reopened 30 Jun 2022: real 98.874965 x 1.023760 = 101.22423417..., published 101.224234
        assertThat(TipsPricing.adjustedPrice(new BigDecimal("98.874965"), new BigDecimal("1.02376"))).hasToString("101.224234");
        // real accrued 0.025956 (0.259560 per $1,000): published 0.26573 per $1,000
        assertThat(TipsPricing.adjustedAccruedInterest(new BigDecimal("0.025956"), new BigDecimal("1.02376")))
                .hasToString("0.026573");
    }

    @Test
    void anIndexRatioBelowOneAdjustsDown() {
        // 912828ZJ2, 30 Jun 2020: 104.357673 x 0.992820, published 103.608385
        assertThat(TipsPricing.adjustedPrice(new BigDecimal("104.357673"), new BigDecimal("0.992820"))).hasToString("103.608385");
    }
}
