package io.sovereign.auction.domain.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class BillPricingTest {

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    private static BigDecimal n(String s) {
        return new BigDecimal(s);
    }

    @Test
    void priceIsRoundedHalfUpNotTruncated() {
        // 912796XY0, 52-week bill of 11 Aug 2022 at 3.200%: 100 - 3.2 x 364/360 = 96.7644444..., published 96.764444
        assertThat(BillPricing.price(d("2022-08-11"), d("2023-08-10"), n("3.200"))).hasToString("96.764444");
        // 912796XU8, 4-week bill of 9 Aug 2022 at 2.110%: 99.8358888..., published 99.835889 (truncation: ...888)
        assertThat(BillPricing.price(d("2022-08-09"), d("2022-09-06"), n("2.110"))).hasToString("99.835889");
    }

    @Test
    void aHalfYearIsSixCalendarMonths() {
        // 912796XS3: 182 days, 21 Jul 2022 to 19 Jan 2023 at 98.528833, published 2.994; the quadratic gives 2.995
        assertThat(BillPricing.investmentRate(d("2022-07-21"), d("2023-01-19"), n("98.528833"))).hasToString("2.994");
    }

    @Test
    void leapYearsUse366Days() {
        // 912796TW9: 181 days from 29 Nov 2019 with 29 Feb 2020 ahead, published 1.619
        assertThat(BillPricing.investmentRate(d("2019-11-29"), d("2020-05-28"), n("99.205611"))).hasToString("1.619");
        // 912796TY5: 52-week from 2 Jan 2020, published 1.595
        assertThat(BillPricing.investmentRate(d("2020-01-02"), d("2020-12-31"), n("98.432778"))).hasToString("1.595");
    }

    @Test
    void aDiscountRateSurvivesTheRoundTripThroughItsPrice() {
        for (int days : new int[] {1, 4, 28, 91, 119, 182, 364}) {
            LocalDate issue = d("2022-08-11");
            LocalDate maturity = issue.plusDays(days);
            for (int rate = 0; rate <= 9000; rate += 5) {
                BigDecimal d = BigDecimal.valueOf(rate, 3);
                assertThat(BillPricing.discountRate(issue, maturity, BillPricing.price(issue, maturity, d)))
                        .as("%s%% for %d days", d, days).isEqualByComparingTo(d);
            }
        }
    }

    @Test
    void theQuadraticIsWellDefinedWhereItTurnsLinear() {
        // 183 days from 1 Nov 2023 is past six calendar months, and r = y/2 with y = 366: a = 0
        BigDecimal price = BillPricing.price(d("2023-11-01"), d("2024-05-02"), n("5.000"));
        BigDecimal simple = price.negate().add(BigDecimal.valueOf(100)).multiply(BigDecimal.valueOf(36600))
                .divide(price.multiply(BigDecimal.valueOf(183)), 3, java.math.RoundingMode.HALF_UP);
        assertThat(BillPricing.investmentRate(d("2023-11-01"), d("2024-05-02"), price)).isEqualTo(simple);
    }

    @Test
    void refusesImpossibleBills() {
        assertThatThrownBy(() -> BillPricing.price(d("2022-08-11"), d("2022-08-11"), n("1.000")))
                .hasMessage("maturity must be after issue");
        assertThatThrownBy(() -> BillPricing.price(d("2022-08-11"), d("2023-08-10"), n("99.000")))
                .hasMessageContaining("leaves no positive price");
        assertThatThrownBy(() -> BillPricing.investmentRate(d("2022-08-11"), d("2023-08-10"), BigDecimal.ZERO))
                .hasMessage("price must be positive");
    }
}
