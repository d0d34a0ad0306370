package io.sovereign.auction.domain.clearing;

import java.math.BigDecimal;

/** How the cleared security is priced: the engine asks it once per accepted rate level. */
public interface SecurityPricing {

    /** The coupon the auction sets from its high rate (a new issue), or the fixed coupon; null for bills. */
    BigDecimal coupon(BigDecimal highRate);

    /** Price per 100, scale 6, of a competitive rate (yield or discount rate) with {@code coupon}. */
    BigDecimal price(BigDecimal rate, BigDecimal coupon);

    /** For bids on PRICE: the bid price is the price; the coupon is the security's own. */
    static SecurityPricing onPrice(BigDecimal fixedCoupon) {
        return new SecurityPricing() {
            @Override
            public BigDecimal coupon(BigDecimal highRate) {
                return fixedCoupon;
            }

            @Override
            public BigDecimal price(BigDecimal price, BigDecimal coupon) {
                return price.setScale(6, java.math.RoundingMode.UNNECESSARY);
            }
        };
    }
}
