package io.sovereign.auction.domain.pricing;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;

/**
 * Semi-annual quasi-coupon dates counted back from maturity in six-month steps with the
 * {@link RollRule}, from the last one on or before a start date up to maturity. A quasi-coupon
 * date is a date on which a regular coupon would fall: the first coupon of a long first period
 * skips one, and the periods between them are the ones interest is counted in (Appendix B I.A).
 */
public final class CouponSchedule {

    static final int MONTHS_PER_PERIOD = 6;

    private final LocalDate[] dates;

    private CouponSchedule(LocalDate[] dates) {
        this.dates = dates;
    }

    /** The quasi-coupon dates of a security maturing on {@code maturity}, covering {@code start}. */
    public static CouponSchedule covering(LocalDate maturity, LocalDate start) {
        if (!maturity.isAfter(start)) {
            throw new IllegalArgumentException("maturity must be after the start of the schedule");
        }
        RollRule rule = RollRule.forMaturity(maturity);
        // periods back from maturity to a date on or before start: about (months between) / 6 + 1
        int periods = (int) (ChronoUnit.MONTHS.between(start, maturity) / MONTHS_PER_PERIOD) + 1;
        while (rule.monthsBefore(maturity, periods * MONTHS_PER_PERIOD).isAfter(start)) {
            periods++;
        }
        while (periods > 1 && !rule.monthsBefore(maturity, (periods - 1) * MONTHS_PER_PERIOD).isAfter(start)) {
            periods--;
        }
        LocalDate[] dates = new LocalDate[periods + 1];
        for (int k = 0; k <= periods; k++) {
            dates[k] = rule.monthsBefore(maturity, (periods - k) * MONTHS_PER_PERIOD);
        }
        return new CouponSchedule(dates);
    }

    /** Oldest first; the first is on or before the start, the last is maturity. */
    public List<LocalDate> dates() {
        return Arrays.asList(dates.clone());
    }

    public boolean isCouponDate(LocalDate date) {
        return Arrays.binarySearch(dates, date) >= 0;
    }

    /** The first quasi-coupon date strictly after {@code date}. */
    public LocalDate firstAfter(LocalDate date) {
        return dates[indexAfter(date)];
    }

    /** Index of the first quasi-coupon date strictly after {@code date} (at least 1). */
    int indexAfter(LocalDate date) {
        if (!date.isBefore(dates[dates.length - 1]) || date.isBefore(dates[0])) {
            throw new IllegalArgumentException(date + " is outside the schedule " + dates[0] + ".." + dates[dates.length - 1]);
        }
        int i = Arrays.binarySearch(dates, date);
        return i >= 0 ? i + 1 : -i - 1;
    }

    LocalDate date(int index) {
        return dates[index];
    }

    int size() {
        return dates.length;
    }

    /** Days in the quasi-coupon period that ends on {@code dates[index]}. */
    long periodDays(int index) {
        return ChronoUnit.DAYS.between(dates[index - 1], dates[index]);
    }

    /**
     * Coupon periods from {@code from} to {@code to} (actual/actual by half-year): each part of
     * the span counts its actual days over the days of the quasi-coupon period it lies in.
     */
    DayFraction periodsBetween(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("a span ends before it starts: " + from + ".." + to);
        }
        DayFraction f = DayFraction.ZERO;
        if (from.equals(to)) {
            return f;
        }
        for (int k = indexAfter(from); k < dates.length && dates[k - 1].isBefore(to); k++) {
            LocalDate lo = from.isAfter(dates[k - 1]) ? from : dates[k - 1];
            LocalDate hi = to.isBefore(dates[k]) ? to : dates[k];
            f = f.plus(ChronoUnit.DAYS.between(lo, hi), periodDays(k));
        }
        return f;
    }
}
