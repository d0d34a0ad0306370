package io.sovereign.auction.domain.pricing;

import java.math.BigDecimal;

/**
 * Per 100 of par, 6 decimals: the (clean) price, and the accrued interest the buyer pays on top
 * of it from the dated date (or last coupon) to settlement.
 */
public record BondPrice(BigDecimal price, BigDecimal accruedInterest) {

    public BondPrice {
        if (price == null || accruedInterest == null || price.scale() != BondPricing.PRICE_SCALE
                || accruedInterest.scale() != BondPricing.PRICE_SCALE) {
            throw new IllegalArgumentException("price and accruedInterest have 6 decimals");
        }
    }

    /** What the buyer pays per 100: price plus accrued interest. */
    public BigDecimal dirtyPrice() {
        return price.add(accruedInterest);
    }
}
