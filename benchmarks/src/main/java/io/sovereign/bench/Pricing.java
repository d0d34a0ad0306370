package io.sovereign.bench;

import io.sovereign.auction.domain.clearing.SecurityPricing;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** The pricing the benchmarks clear with. */
final class Pricing {

    private Pricing() {
    }

    /** A stand-in with the cost profile of a rate-to-price function (one call per accepted level). */
    static SecurityPricing note() {
        return new SecurityPricing() {
            @Override
            public BigDecimal coupon(BigDecimal highRate) {
                return highRate.multiply(BigDecimal.valueOf(8)).setScale(0, RoundingMode.FLOOR)
                        .divide(BigDecimal.valueOf(8), 3, RoundingMode.UNNECESSARY);
            }

            @Override
            public BigDecimal price(BigDecimal rate, BigDecimal coupon) {
                return BigDecimal.valueOf(100).add(coupon.subtract(rate).multiply(BigDecimal.valueOf(3)))
                        .setScale(6, RoundingMode.HALF_UP);
            }
        };
    }
}
