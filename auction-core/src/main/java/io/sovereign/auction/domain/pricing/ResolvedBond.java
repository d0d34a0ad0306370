package io.sovereign.auction.domain.pricing;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * {@link BondTerms} resolved once into what pricing at many yields needs (Appendix B II): the
 * cash flows left after settlement as the next payment, then regular coupons and redemption; the
 * fraction r/s of the current quasi-coupon period left; and the accrued interest. Immutable, so a
 * clearing engine can price every bid level of an auction from one instance.
 */
public final class ResolvedBond {

    private static final BigDecimal TWO_HUNDRED = BigDecimal.valueOf(200);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** Below this a yield makes 1 + i/2 non-positive: there is no price. */
    private static final BigDecimal MINIMUM_YIELD = BigDecimal.valueOf(-200);

    private final BondTerms terms;
    /** Quasi-coupon periods from the next quasi-coupon date to the next payment (1 in a long first period). */
    private final int periodsToNextPayment;
    /** Amount of the next payment per 100: the first coupon (short, regular or long) or a regular one. */
    private final BigDecimal nextPayment;
    /** Regular coupon per 100: C/2. */
    private final BigDecimal regularCoupon;
    /** Regular coupons after the next payment: n of Appendix B, the exponent of v. */
    private final int regularPaymentsAfterNext;
    /** Days from settlement to the next quasi-coupon date (r) and in that period (s). */
    private final BigDecimal daysToNext;
    private final BigDecimal daysInPeriod;
    private final BigDecimal accruedInterest;

    ResolvedBond(BondTerms terms) {
        this.terms = terms;
        LocalDate settlement = terms.issueDate();
        LocalDate first = terms.firstInterestPaymentDate();
        CouponSchedule schedule = CouponSchedule.covering(terms.maturityDate(), terms.datedDate());
        BigDecimal coupon = terms.couponRate();
        this.regularCoupon = coupon.divide(BigDecimal.valueOf(2));  // exact: C has finitely many decimals

        int next = schedule.indexAfter(settlement);
        this.daysToNext = BigDecimal.valueOf(ChronoUnit.DAYS.between(settlement, schedule.date(next)));
        this.daysInPeriod = BigDecimal.valueOf(schedule.periodDays(next));

        LocalDate accrualStart;
        int nextPaymentIndex;
        if (settlement.isBefore(first)) {
            // the first coupon is still to come: interest from the dated date, short, regular or long
            accrualStart = terms.datedDate();
            nextPaymentIndex = indexOf(schedule, first);
            this.nextPayment = schedule.periodsBetween(terms.datedDate(), first).times(regularCoupon, BondPricing.WORKING);
        } else {
            // a reopening after the first coupon: interest from the last coupon, regular coupons on
            accrualStart = schedule.date(next - 1);
            nextPaymentIndex = next;
            this.nextPayment = regularCoupon;
        }
        this.periodsToNextPayment = nextPaymentIndex - next;
        this.regularPaymentsAfterNext = schedule.size() - 1 - nextPaymentIndex;

        // per $1,000 of par to 5 decimals, as Treasury announces it; 1000 x (C/100)/2 = 5 C
        DayFraction accrued = schedule.periodsBetween(accrualStart, settlement);
        BigDecimal per1000 = coupon.multiply(BigDecimal.valueOf(5 * accrued.numerator()))
                .divide(BigDecimal.valueOf(accrued.denominator()), BondPricing.ACCRUED_PER_1000_SCALE, RoundingMode.HALF_UP);
        this.accruedInterest = per1000.movePointLeft(1);
    }

    private static int indexOf(CouponSchedule schedule, LocalDate date) {
        for (int k = 0; k < schedule.size(); k++) {
            if (schedule.date(k).equals(date)) {
                return k;
            }
        }
        throw new IllegalArgumentException(date + " is not a coupon date");
    }

    public BondTerms terms() {
        return terms;
    }

    /** Accrued interest per 100, 6 decimals (the per-$1,000 figure at 5 decimals, scaled). */
    public BigDecimal accruedInterest() {
        return accruedInterest;
    }

    /**
     * Appendix B II at yield {@code i} (percent; negative real yields allowed):
     * <pre>
     *   dirty = v^f [ next + (C/2) a_n + 100 v^n ] / (1 + (r/s)(i/2)),  v = 1/(1 + i/2),
     *   a_n = v + ... + v^n = (1 - v^n) / (i/2)   (n when i = 0)
     * </pre>
     * with f = 1 in the first part of a long first period and 0 otherwise. The price is the dirty
     * price less the accrued interest as announced (per $1,000 at 5 decimals), rounded once to 6
     * decimals half-up; the published prices are all reproduced only with the announced accrued.
     */
    public BondPrice price(BigDecimal yield) {
        if (yield == null) {
            throw new PricingArgumentException("yield", "is required");
        }
        if (yield.compareTo(MINIMUM_YIELD) <= 0) {
            throw new PricingArgumentException("yield", "must be greater than -200");
        }
        MathContext mc = BondPricing.WORKING;
        BigDecimal halfYield = yield.divide(TWO_HUNDRED);                  // i/2 as a decimal, exact
        BigDecimal v = BigDecimal.ONE.divide(BigDecimal.ONE.add(halfYield), mc);
        int n = regularPaymentsAfterNext;
        BigDecimal vn = v.pow(n, mc);
        BigDecimal annuity = halfYield.signum() == 0
                ? BigDecimal.valueOf(n)
                : BigDecimal.ONE.subtract(vn).divide(halfYield, mc);
        BigDecimal atNextPayment = nextPayment.add(regularCoupon.multiply(annuity, mc), mc)
                .add(HUNDRED.multiply(vn, mc), mc);
        BigDecimal atNextQuasiDate = periodsToNextPayment == 0 ? atNextPayment
                : atNextPayment.multiply(v.pow(periodsToNextPayment, mc), mc);
        // 1 + (r/s)(i/2) = (s + r i/2) / s
        BigDecimal dirty = atNextQuasiDate.multiply(daysInPeriod)
                .divide(daysInPeriod.add(daysToNext.multiply(halfYield)), mc);
        BigDecimal price = dirty.subtract(accruedInterest).setScale(BondPricing.PRICE_SCALE, RoundingMode.HALF_UP);
        return new BondPrice(price, accruedInterest);
    }
}
