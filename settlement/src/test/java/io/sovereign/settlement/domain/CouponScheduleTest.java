package io.sovereign.settlement.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CouponScheduleTest {

    @Test
    void aTenYearNotePaysTwentyCouponsOnTheMaturityDayOfMonth() {
        // UST 4.125% of 15 November 2032, issued 15 November 2022 (the DOMAIN.md regular first period)
        var dates = CouponSchedule.paymentDates("NOTE", LocalDate.of(2022, 11, 15), LocalDate.of(2032, 11, 15));

        assertThat(dates).hasSize(20).startsWith(LocalDate.of(2023, 5, 15), LocalDate.of(2023, 11, 15))
                .endsWith(LocalDate.of(2032, 5, 15), LocalDate.of(2032, 11, 15));
    }

    @Test
    void anEndOfMonthMaturityPaysOnTheLastDayOfEveryCouponMonth() {
        // DOMAIN.md's short first period: issued 2 April 1990, maturing 31 March 1992
        var dates = CouponSchedule.paymentDates("NOTE", LocalDate.of(1990, 4, 2), LocalDate.of(1992, 3, 31));

        assertThat(dates).containsExactly(LocalDate.of(1990, 9, 30), LocalDate.of(1991, 3, 31), LocalDate.of(1991, 9, 30),
                LocalDate.of(1992, 3, 31));
    }

    @Test
    void aMaturityOnThe30thDoesNotDriftThroughFebruary() {
        var dates = CouponSchedule.paymentDates("BOND", LocalDate.of(2024, 1, 10), LocalDate.of(2026, 8, 30));

        assertThat(dates).containsExactly(LocalDate.of(2024, 2, 29), LocalDate.of(2024, 8, 30), LocalDate.of(2025, 2, 28),
                LocalDate.of(2025, 8, 30), LocalDate.of(2026, 2, 28), LocalDate.of(2026, 8, 30));
    }

    @Test
    void theIssueDateItselfIsNoCouponDateAndABillHasNone() {
        assertThat(CouponSchedule.paymentDates("NOTE", LocalDate.of(2024, 5, 15), LocalDate.of(2025, 5, 15)))
                .containsExactly(LocalDate.of(2024, 11, 15), LocalDate.of(2025, 5, 15));
        assertThat(CouponSchedule.paymentDates("BILL", LocalDate.of(2024, 5, 16), LocalDate.of(2024, 8, 15))).isEmpty();
    }

    @Test
    void aCouponIsHalfTheAnnualRateOnParRoundedHalfUpToTheCent() {
        assertThat(CouponSchedule.coupon(1_000_000, new BigDecimal("4.125"))).isEqualByComparingTo("20625.00");
        // 12,300 x 3.125 / 200 = 192.1875
        assertThat(CouponSchedule.coupon(12_300, new BigDecimal("3.125"))).isEqualByComparingTo("192.19");
        // 100 x 0.125 / 200 = 0.0625
        assertThat(CouponSchedule.coupon(100, new BigDecimal("0.125"))).isEqualByComparingTo("0.06");
        assertThat(CouponSchedule.coupon(100, new BigDecimal("0.125")).scale()).isEqualTo(2);
    }
}
