package io.sovereign.auction.domain.pricing;

import java.time.LocalDate;

/**
 * How coupon dates step back from maturity. A security maturing on the last day of a month pays
 * on the last day of every coupon month (31 May, 30 Nov, 29 Feb in a leap year); any other pays
 * on the maturity's day of month, clipped to the month's length.
 */
public enum RollRule {
    END_OF_MONTH,
    SAME_DAY_OF_MONTH;

    public static RollRule forMaturity(LocalDate maturity) {
        return maturity.getDayOfMonth() == maturity.lengthOfMonth() ? END_OF_MONTH : SAME_DAY_OF_MONTH;
    }

    /**
     * The date {@code months} before {@code anchor}. Always counted from the anchor (maturity), never
     * chained, so that a 28 February on the way does not pull later dates to the 28th.
     */
    public LocalDate monthsBefore(LocalDate anchor, int months) {
        LocalDate d = anchor.minusMonths(months);
        return this == END_OF_MONTH ? d.withDayOfMonth(d.lengthOfMonth()) : d;
    }
}
