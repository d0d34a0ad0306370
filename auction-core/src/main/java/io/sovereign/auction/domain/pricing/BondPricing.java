package io.sovereign.auction.domain.pricing;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Notes, bonds and the real price of TIPS from a yield (31 CFR 356 Appendix B II and III).
 * Stateless; {@link #resolve} once and price many yields when the terms do not change.
 */
public final class BondPricing {

    /** Prices and accrued interest per 100. */
    static final int PRICE_SCALE = 6;
    /** Accrued interest is announced per $1,000 of par. */
    static final int ACCRUED_PER_1000_SCALE = 5;
    /**
     * 34 significant digits (IEEE decimal128) for every inexact step: the error is some 25 orders
     * of magnitude below the 6th decimal, so the one rounding that shows is the final one.
     */
    static final MathContext WORKING = MathContext.DECIMAL128;

    private BondPricing() {
    }

    /** Price and accrued interest per 100 at {@code yield} (percent, e.g. 8.840; may be negative). */
    public static BondPrice price(BondTerms terms, BigDecimal yield) {
        return resolve(terms).price(yield);
    }

    public static ResolvedBond resolve(BondTerms terms) {
        if (terms == null) {
            throw new PricingArgumentException("terms", "are required");
        }
        return new ResolvedBond(terms);
    }
}
