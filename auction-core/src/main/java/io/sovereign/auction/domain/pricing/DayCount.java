package io.sovereign.auction.domain.pricing;

import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.ChronoUnit;

/** The day counts of Treasury bills (Appendix B VI): actual days over a named year. */
public enum DayCount {
    /** Discount rate: actual days over a 360-day year. */
    ACTUAL_360,
    /**
     * Investment rate: actual days over 365, or 366 when the year after the start (start
     * excluded, its anniversary included, as interest days are counted) contains 29 February.
     */
    ACTUAL_365_366;

    /** Days from {@code from} to {@code to}: the first excluded, the last included. */
    public long days(LocalDate from, LocalDate to) {
        return ChronoUnit.DAYS.between(from, to);
    }

    public int yearDays(LocalDate start) {
        if (this == ACTUAL_360) {
            return 360;
        }
        LocalDate anniversary = start.plusYears(1);
        for (int year = start.getYear(); year <= anniversary.getYear(); year++) {
            if (java.time.Year.isLeap(year)) {
                LocalDate leapDay = LocalDate.of(year, Month.FEBRUARY, 29);
                if (leapDay.isAfter(start) && !leapDay.isAfter(anniversary)) {
                    return 366;
                }
            }
        }
        return 365;
    }
}
