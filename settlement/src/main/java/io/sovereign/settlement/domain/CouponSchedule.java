package io.sovereign.settlement.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The semi-annual coupons of a note, bond or TIPS (DOMAIN.md §1): payment dates run back from
 * maturity in six-month steps with the end-of-month rule (a maturity on the last day of a month
 * pays on the last day of every coupon month), strictly after the issue date, maturity included.
 * A bill pays no coupon.
 */
public final class CouponSchedule {

    private static final int MONTHS_PER_PERIOD = 6;
    private static final BigDecimal PERIODS_PER_YEAR = BigDecimal.valueOf(2);
    private static final BigDecimal PERCENT = BigDecimal.valueOf(100);

    private CouponSchedule() {
    }

    /** The payment dates, earliest first (none for a bill). */
    public static List<LocalDate> paymentDates(String securityType, LocalDate issueDate, LocalDate maturityDate) {
        Objects.requireNonNull(issueDate, "issueDate");
        Objects.requireNonNull(maturityDate, "maturityDate");
        if ("BILL".equals(securityType)) {
            return List.of();
        }
        boolean endOfMonth = maturityDate.getDayOfMonth() == maturityDate.lengthOfMonth();
        List<LocalDate> dates = new ArrayList<>();
        for (int k = 0; ; k++) {
            // always counted from maturity, so that a 31st clamped to a 30th in one month does not drift
            LocalDate d = maturityDate.minusMonths((long) MONTHS_PER_PERIOD * k);
            if (endOfMonth) {
                d = d.withDayOfMonth(d.lengthOfMonth());
            }
            if (!d.isAfter(issueDate)) {
                break;
            }
            dates.add(d);
        }
        Collections.reverse(dates);
        return List.copyOf(dates);
    }

    /**
     * One holder's coupon: {@code par x couponRate / 100 / 2} in currency units, rounded half-up
     * to the cent (the rate is an annual percentage, paid in two halves).
     */
    public static BigDecimal coupon(long par, BigDecimal couponRate) {
        return BigDecimal.valueOf(par).multiply(couponRate)
                .divide(PERCENT.multiply(PERIODS_PER_YEAR), 2, RoundingMode.HALF_UP);
    }
}
