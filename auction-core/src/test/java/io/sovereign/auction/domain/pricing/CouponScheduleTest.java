package io.sovereign.auction.domain.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CouponScheduleTest {

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void countsBackFromMaturityInSixMonthSteps() {
        CouponSchedule s = CouponSchedule.covering(d("2020-05-15"), d("1990-05-15"));

        assertThat(s.dates()).hasSize(61).startsWith(d("1990-05-15"), d("1990-11-15")).endsWith(d("2020-05-15"));
    }

    @Test
    void startsOnTheLastQuasiCouponDateOnOrBeforeTheStart() {
        assertThat(CouponSchedule.covering(d("1995-05-15"), d("1990-03-01")).dates())
                .startsWith(d("1989-11-15"), d("1990-05-15"), d("1990-11-15"));
    }

    @Test
    void aMonthEndMaturityPaysOnEveryMonthEnd() {
        // 2-year note reopened on 29 Feb 2016 (912828UR9), maturing 28 Feb 2018: a month end
        assertThat(RollRule.forMaturity(d("2018-02-28"))).isEqualTo(RollRule.END_OF_MONTH);
        assertThat(CouponSchedule.covering(d("2018-02-28"), d("2016-02-29")).dates())
                .containsExactly(d("2016-02-29"), d("2016-08-31"), d("2017-02-28"), d("2017-08-31"), d("2018-02-28"));
        assertThat(CouponSchedule.covering(d("2024-11-30"), d("2022-11-30")).dates())
                .startsWith(d("2022-11-30"), d("2023-05-31"), d("2023-11-30"), d("2024-05-31"));
    }

    @Test
    void anotherDayOfMonthIsClippedToShortMonthsWithoutDrifting() {
        // 30 August is not a month end: February clips to 28/29, August goes back to the 30th
        assertThat(RollRule.forMaturity(d("2026-08-30"))).isEqualTo(RollRule.SAME_DAY_OF_MONTH);
        assertThat(CouponSchedule.covering(d("2026-08-30"), d("2024-02-29")).dates())
                .containsExactly(d("2024-02-29"), d("2024-08-30"), d("2025-02-28"), d("2025-08-30"),
                        d("2026-02-28"), d("2026-08-30"));
    }

    @Test
    void countsPeriodsActualOverActualByHalfYear() {
        CouponSchedule s = CouponSchedule.covering(d("1995-11-15"), d("1985-11-15"));
        // 14 days of a 181-day half-year (15 Nov 1985 to 15 May 1986)
        assertThat(s.periodsBetween(d("1985-11-15"), d("1985-11-29"))).isEqualTo(new DayFraction(14, 181));
        // a long first coupon: 75 of 181 days, then 17 of 184
        CouponSchedule longFirst = CouponSchedule.covering(d("1995-05-15"), d("1990-03-01"));
        assertThat(longFirst.periodsBetween(d("1990-03-01"), d("1990-06-01")))
                .isEqualTo(new DayFraction(75 * 184 + 17 * 181, 181 * 184));
        assertThat(longFirst.periodsBetween(d("1990-03-01"), d("1990-11-15")))
                .isEqualTo(new DayFraction(75 + 181, 181));
    }

    @Test
    void refusesDatesOutsideTheSchedule() {
        CouponSchedule s = CouponSchedule.covering(d("2025-08-15"), d("2022-08-15"));
        assertThatThrownBy(() -> s.firstAfter(d("2025-08-15"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> s.firstAfter(d("2022-08-14"))).isInstanceOf(IllegalArgumentException.class);
    }
}
