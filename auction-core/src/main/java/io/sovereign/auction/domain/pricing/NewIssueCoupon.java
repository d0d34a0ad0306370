package io.sovereign.auction.domain.pricing;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The coupon of a new note, bond or TIPS, set from the auction's high yield: the highest multiple
 * of 1/8 of 1% not above it, and at least 1/8 (so the price is at or just below par, or above par
 * when the yield is under 0.125%, as with negative real yields).
 */
public final class NewIssueCoupon {

    static final BigDecimal STEP = new BigDecimal("0.125");
    static final int SCALE = 3;
    private static final BigDecimal STEPS_PER_UNIT = BigDecimal.valueOf(8);

    private NewIssueCoupon() {
    }

    public static BigDecimal fromHighYield(BigDecimal highYield) {
        if (highYield == null) {
            throw new PricingArgumentException("highYield", "is required");
        }
        BigDecimal eighths = highYield.multiply(STEPS_PER_UNIT).setScale(0, RoundingMode.FLOOR);
        BigDecimal coupon = eighths.multiply(STEP).max(STEP);
        return coupon.setScale(SCALE, RoundingMode.UNNECESSARY);   // a multiple of 1/8 has 3 decimals
    }
}
