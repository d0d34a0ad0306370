package io.sovereign.auction.domain.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DayCountTest {

    @ParameterizedTest(name = "a year from {0} has {1} days")
    @CsvSource({
            "2019-11-29, 366",   // 29 Feb 2020 falls in the year after issue (912796TW9)
            "2019-03-01, 366",   // ... up to and including the anniversary
            "2020-02-28, 366",   // the next day is 29 February
            "2020-02-29, 365",   // issued on it: the day of issue is not counted
            "2019-02-28, 365",   // the anniversary, 28 Feb 2020, comes before 29 February
            "2022-08-11, 365",
            "2023-03-01, 366"})
    void investmentYearHas366DaysWhenThe29thOfFebruaryFollowsTheIssue(LocalDate issue, int days) {
        assertThat(DayCount.ACTUAL_365_366.yearDays(issue)).isEqualTo(days);
        assertThat(DayCount.ACTUAL_360.yearDays(issue)).isEqualTo(360);
    }
}
