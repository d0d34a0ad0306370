package io.sovereign.auction.domain.pricing;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * An exact count of coupon periods, {@code numerator / denominator}: whole periods plus actual
 * days over the days of the period they fall in. Exact so that accrued interest can be rounded
 * once, from the true value.
 */
record DayFraction(long numerator, long denominator) {

    static final DayFraction ZERO = new DayFraction(0, 1);

    DayFraction {
        if (denominator <= 0 || numerator < 0) {
            throw new IllegalArgumentException("a day fraction is non-negative with a positive denominator");
        }
    }

    /** This plus {@code days / periodDays}; a whole period adds exactly one. */
    DayFraction plus(long days, long periodDays) {
        if (days == periodDays) {
            return new DayFraction(numerator + denominator, denominator);
        }
        return new DayFraction(numerator * periodDays + days * denominator, denominator * periodDays);
    }

    boolean isZero() {
        return numerator == 0;
    }

    /** {@code amount x this}, exact when it terminates, otherwise to the working precision. */
    BigDecimal times(BigDecimal amount, MathContext mc) {
        return amount.multiply(BigDecimal.valueOf(numerator)).divide(BigDecimal.valueOf(denominator), mc);
    }
}
