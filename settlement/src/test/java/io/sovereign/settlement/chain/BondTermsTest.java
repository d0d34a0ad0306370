package io.sovereign.settlement.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class BondTermsTest {

    private static BondTerms withCoupon(String rate) {
        return new BondTerms("US91282CKQ32", "n", new BigDecimal(rate), LocalDate.of(2024, 5, 15),
                LocalDate.of(2034, 5, 15), List.of());
    }

    @Test
    void couponRateGoesOnChainInThousandthsOfAPercent() {
        assertThat(withCoupon("4.125").couponRateOnChain()).isEqualTo(BigInteger.valueOf(4125));
        assertThat(withCoupon("0.125").couponRateOnChain()).isEqualTo(BigInteger.valueOf(125));
        assertThat(BondTerms.couponRateFromChain(BigInteger.valueOf(4125))).isEqualTo(new BigDecimal("4.125"));
        assertThat(withCoupon("4.1")).isEqualTo(withCoupon("4.100"));
        assertThatThrownBy(() -> withCoupon("4.1255")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 3 decimals");
        assertThatThrownBy(() -> withCoupon("-1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void datesGoOnChainAsUnixSecondsAtMidnightUtc() {
        // 2034-05-15T00:00:00Z
        assertThat(BondTerms.toChain(LocalDate.of(2034, 5, 15))).isEqualTo(BigInteger.valueOf(2_031_264_000L));
        assertThat(BondTerms.fromChain(BigInteger.valueOf(2_031_264_000L))).isEqualTo(LocalDate.of(2034, 5, 15));
    }
}
