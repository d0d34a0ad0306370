package io.sovereign.auction.domain.pricing;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Period;

/**
 * Treasury bills (31 CFR 356 Appendix B VI): price per 100 from the discount rate and back, and
 * the investment rate (coupon-equivalent yield). Rates are percent. Every published figure is
 * rounded half-up: prices to 6 decimals, rates to 3 (truncation fails on about 40% of the 2008-2022
 * bills, half-up matches all of them).
 */
public final class BillPricing {

    static final int PRICE_SCALE = 6;
    static final int RATE_SCALE = 3;
    /** Appendix B I.A: a half-year is six calendar months. */
    static final Period HALF_YEAR = Period.ofMonths(6);

    private static final MathContext WORKING = MathContext.DECIMAL128;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal QUARTER = new BigDecimal("0.25");
    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    private static final BigDecimal FOUR = BigDecimal.valueOf(4);

    private BillPricing() {
    }

    /** P = 100 (1 - d r / 360), r = days from issue to maturity; 6 decimals half-up. */
    public static BigDecimal price(LocalDate issue, LocalDate maturity, BigDecimal discountRate) {
        long r = days(issue, maturity);
        require(discountRate, "discountRate");
        BigDecimal basis = BigDecimal.valueOf(DayCount.ACTUAL_360.yearDays(issue));
        // 100 (1 - (d/100) r / basis) = (basis 100 - d r) / basis, rounded once from the exact quotient
        BigDecimal price = basis.multiply(HUNDRED).subtract(discountRate.multiply(BigDecimal.valueOf(r)))
                .divide(basis, PRICE_SCALE, RoundingMode.HALF_UP);
        if (price.signum() <= 0) {
            throw new PricingArgumentException("discountRate", discountRate + " leaves no positive price");
        }
        return price;
    }

    /** d = (100 - P) 360 / r, 3 decimals half-up: the rate a price bid stands for. */
    public static BigDecimal discountRate(LocalDate issue, LocalDate maturity, BigDecimal price) {
        long r = days(issue, maturity);
        requirePositive(price);
        BigDecimal basis = BigDecimal.valueOf(DayCount.ACTUAL_360.yearDays(issue));
        return HUNDRED.subtract(price).multiply(basis).divide(BigDecimal.valueOf(r), RATE_SCALE, RoundingMode.HALF_UP);
    }

    /**
     * Coupon-equivalent yield of a bill bought at {@code price}, 3 decimals half-up; y = 365 or 366
     * ({@link DayCount#ACTUAL_365_366}). Up to a half-year: i = (100 - P) / P x y / r. Longer: the
     * root of (r/2y - 0.25) i^2 + (r/y) i + (P - 100)/P = 0, i = (-b + sqrt(b^2 - 4ac)) / 2a, which
     * allows for the coupon a note would pay at the half-year.
     */
    public static BigDecimal investmentRate(LocalDate issue, LocalDate maturity, BigDecimal price) {
        long r = days(issue, maturity);
        requirePositive(price);
        BigDecimal y = BigDecimal.valueOf(DayCount.ACTUAL_365_366.yearDays(issue));
        BigDecimal days = BigDecimal.valueOf(r);
        if (!maturity.isAfter(issue.plus(HALF_YEAR))) {
            // exact quotient, rounded once
            return HUNDRED.subtract(price).multiply(y).multiply(HUNDRED)
                    .divide(price.multiply(days), RATE_SCALE, RoundingMode.HALF_UP);
        }
        BigDecimal b = days.divide(y, WORKING);
        BigDecimal a = days.divide(y.multiply(TWO), WORKING).subtract(QUARTER);
        BigDecimal c = price.subtract(HUNDRED).divide(price, WORKING);
        BigDecimal rate;
        if (a.signum() == 0) {
            rate = c.negate().divide(b, WORKING);   // r = y/2 exactly: the quadratic is linear
        } else {
            BigDecimal discriminant = b.multiply(b).subtract(FOUR.multiply(a).multiply(c));
            if (discriminant.signum() < 0) {
                throw new PricingArgumentException("price", price + " is too far from par to have an investment rate");
            }
            rate = discriminant.sqrt(WORKING).subtract(b).divide(a.multiply(TWO), WORKING);
        }
        return rate.multiply(HUNDRED).setScale(RATE_SCALE, RoundingMode.HALF_UP);
    }

    private static long days(LocalDate issue, LocalDate maturity) {
        require(issue, "issue");
        require(maturity, "maturity");
        if (!maturity.isAfter(issue)) {
            throw new PricingArgumentException("maturity", "must be after issue");
        }
        return DayCount.ACTUAL_360.days(issue, maturity);
    }

    private static void requirePositive(BigDecimal price) {
        require(price, "price");
        if (price.signum() <= 0) {
            throw new PricingArgumentException("price", "must be positive");
        }
    }

    private static void require(Object value, String name) {
        if (value == null) {
            throw new PricingArgumentException(name, "is required");
        }
    }
}
