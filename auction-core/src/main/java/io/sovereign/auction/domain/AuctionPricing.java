package io.sovereign.auction.domain;

import io.sovereign.auction.domain.clearing.SecurityPricing;
import io.sovereign.auction.domain.pricing.BillPricing;
import io.sovereign.auction.domain.pricing.BondPricing;
import io.sovereign.auction.domain.pricing.BondTerms;
import io.sovereign.auction.domain.pricing.NewIssueCoupon;
import io.sovereign.auction.domain.pricing.ResolvedBond;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * How an auctioned security turns a bid rate into a price (DOMAIN.md §1-2): bills by their
 * discount rate; notes, bonds and TIPS by yield (TIPS: the real yield, clearing on the real
 * price) with the coupon set from the high yield for a new issue; bids on PRICE need no pricing.
 */
public final class AuctionPricing {

    private AuctionPricing() {
    }

    public static SecurityPricing of(SecurityType type, BidBasis basis, LocalDate issueDate, LocalDate maturityDate,
            LocalDate datedDate, LocalDate firstInterestPaymentDate, BigDecimal couponRate) {
        if (basis == BidBasis.PRICE) {
            return SecurityPricing.onPrice(couponRate);
        }
        if (basis == BidBasis.DISCOUNT_RATE) {
            return new SecurityPricing() {
                @Override
                public BigDecimal coupon(BigDecimal highRate) {
                    return null;
                }

                @Override
                public BigDecimal price(BigDecimal discountRate, BigDecimal coupon) {
                    return BillPricing.price(issueDate, maturityDate, discountRate);
                }
            };
        }
        return new SecurityPricing() {
            private ResolvedBond resolved;

            @Override
            public BigDecimal coupon(BigDecimal highYield) {
                return couponRate != null ? couponRate : NewIssueCoupon.fromHighYield(highYield);
            }

            @Override
            public BigDecimal price(BigDecimal yield, BigDecimal coupon) {
                // one schedule per coupon: a clearing prices every accepted level with the same one
                if (resolved == null || resolved.terms().couponRate().compareTo(coupon) != 0) {
                    resolved = BondPricing.resolve(new BondTerms(issueDate, maturityDate, datedDate,
                            firstInterestPaymentDate, coupon));
                }
                return resolved.price(yield).price();
            }
        };
    }
}
