package io.sovereign.auction.domain.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class BondTermsTest {

    private static final BigDecimal COUPON = new BigDecimal("3.125");

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void datedDateDefaultsToTheIssueDateAndTheFirstCouponToTheNextRegularOne() {
        BondTerms t = BondTerms.of(d("2022-08-15"), d("2025-08-15"), COUPON);
        assertThat(t.datedDate()).isEqualTo(d("2022-08-15"));
        assertThat(t.firstInterestPaymentDate()).isEqualTo(d("2023-02-15"));

        // a new issue settling two days after its month-end dated date
        BondTerms late = new BondTerms(d("2019-12-02"), d("2021-11-30"), d("2019-11-30"), null, COUPON);
        assertThat(late.firstInterestPaymentDate()).isEqualTo(d("2020-05-31"));
    }

    @Test
    void aFirstCouponMayBeShortOrLongButMustBeOnTheSchedule() {
        assertThat(new BondTerms(d("1990-03-01"), d("1995-05-15"), null, d("1990-11-15"), COUPON).firstInterestPaymentDate())
                .isEqualTo(d("1990-11-15"));
        assertThatThrownBy(() -> new BondTerms(d("1990-03-01"), d("1995-05-15"), null, d("1990-11-01"), COUPON))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("firstInterestPaymentDate must be a coupon date, counted back from maturityDate 1995-05-15 in 6-month steps");
    }

    @Test
    void eachBrokenRuleNamesItsField() {
        assertThatThrownBy(() -> BondTerms.of(null, d("2025-08-15"), COUPON)).hasMessage("issueDate is required");
        assertThatThrownBy(() -> BondTerms.of(d("2022-08-15"), null, COUPON)).hasMessage("maturityDate is required");
        assertThatThrownBy(() -> BondTerms.of(d("2022-08-15"), d("2025-08-15"), null)).hasMessage("couponRate is required");
        assertThatThrownBy(() -> BondTerms.of(d("2022-08-15"), d("2022-08-15"), COUPON))
                .hasMessage("maturityDate must be after issueDate");
        assertThatThrownBy(() -> BondTerms.of(d("2022-08-15"), d("2025-08-15"), new BigDecimal("-0.125")))
                .hasMessage("couponRate must not be negative");
        assertThatThrownBy(() -> new BondTerms(d("2022-08-15"), d("2025-08-15"), d("2022-08-16"), null, COUPON))
                .hasMessage("datedDate must not be after issueDate");
        assertThatThrownBy(() -> new BondTerms(d("2022-08-15"), d("2025-08-15"), null, d("2022-08-15"), COUPON))
                .hasMessage("firstInterestPaymentDate must be after datedDate and not after maturityDate");
        assertThatThrownBy(() -> new BondTerms(d("2022-08-15"), d("2025-08-15"), null, d("2026-02-15"), COUPON))
                .hasMessage("firstInterestPaymentDate must be after datedDate and not after maturityDate");
    }
}
