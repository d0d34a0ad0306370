package io.sovereign.auction.domain.pricing;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Treasury Inflation-Protected Securities (Appendix B III): the real price and real accrued
 * interest come from {@link BondPricing} at the real yield; what is paid is each, at 6 decimals,
 * times the index ratio on the issue date, rounded again half-up to 6 decimals. This matches every
 * published TIPS adjusted price of 2008-2022.
 */
public final class TipsPricing {

    static final int SCALE = 6;

    private TipsPricing() {
    }

    /** round6(round6(realPrice) x indexRatio), half-up. */
    public static BigDecimal adjustedPrice(BigDecimal realPrice, BigDecimal indexRatio) {
        return adjust(realPrice, indexRatio, "realPrice");
    }

    /** round6(round6(realAccrued) x indexRatio), half-up (the per-$1,000 figure at 5 decimals, scaled). */
    public static BigDecimal adjustedAccruedInterest(BigDecimal realAccrued, BigDecimal indexRatio) {
        return adjust(realAccrued, indexRatio, "realAccrued");
    }

    private static BigDecimal adjust(BigDecimal real, BigDecimal indexRatio, String name) {
        if (real == null) {
            throw new PricingArgumentException(name, "is required");
        }
        if (indexRatio == null || indexRatio.signum() <= 0) {
            throw new PricingArgumentException("indexRatio", "must be positive");
        }
        return real.setScale(SCALE, RoundingMode.HALF_UP).multiply(indexRatio).setScale(SCALE, RoundingMode.HALF_UP);
    }
}
