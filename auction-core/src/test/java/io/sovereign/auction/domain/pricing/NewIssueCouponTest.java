package io.sovereign.auction.domain.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NewIssueCouponTest {

    @ParameterizedTest(name = "high yield {0} sets a {1} coupon")
    @CsvSource({
            "3.202, 3.125",
            "3.2020, 3.125",
            "3.125, 3.125",
            "3.124, 3.000",
            "0.130, 0.125",
            "0.124, 0.125",
            "0, 0.125",
            "-0.930, 0.125",
            "8.840, 8.750",
            "15.999, 15.875"})
    void highestEighthNotAboveTheHighYieldAndAtLeastOneEighth(String highYield, String coupon) {
        assertThat(NewIssueCoupon.fromHighYield(new BigDecimal(highYield))).hasToString(coupon);
    }
}
