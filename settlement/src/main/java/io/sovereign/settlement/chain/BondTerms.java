package io.sovereign.settlement.chain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The terms a bond token carries on chain. {@code couponRate} is the annual rate in percent with
 * at most 3 decimals (stored on chain in thousandths of a percent: 4.125 is 4125); dates are
 * stored as Unix seconds at 00:00 UTC. The token's constructor checks the dates (issue before
 * maturity, payment dates increasing within them).
 */
public record BondTerms(String isin, String name, BigDecimal couponRate, LocalDate issueDate,
        LocalDate maturityDate, List<LocalDate> paymentDates) {

    static final int COUPON_RATE_DECIMALS = 3;
    private static final long SECONDS_PER_DAY = 86_400;

    public BondTerms {
        Objects.requireNonNull(isin, "isin");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(couponRate, "couponRate");
        Objects.requireNonNull(issueDate, "issueDate");
        Objects.requireNonNull(maturityDate, "maturityDate");
        paymentDates = List.copyOf(paymentDates);
        if (couponRate.signum() < 0 || couponRate.stripTrailingZeros().scale() > COUPON_RATE_DECIMALS) {
            throw new IllegalArgumentException("couponRate must be a percentage >= 0 with at most "
                    + COUPON_RATE_DECIMALS + " decimals, not " + couponRate);
        }
        // one scale, the chain's: 4.1 and 4.100 are the same terms
        couponRate = couponRate.setScale(COUPON_RATE_DECIMALS, RoundingMode.UNNECESSARY);
    }

    /** The on-chain {@code uint32}: thousandths of a percent. */
    BigInteger couponRateOnChain() {
        return couponRate.movePointRight(COUPON_RATE_DECIMALS).toBigIntegerExact();
    }

    static BigDecimal couponRateFromChain(BigInteger thousandths) {
        return new BigDecimal(thousandths, COUPON_RATE_DECIMALS);
    }

    static BigInteger toChain(LocalDate date) {
        return BigInteger.valueOf(date.toEpochDay() * SECONDS_PER_DAY);
    }

    static LocalDate fromChain(BigInteger unixSeconds) {
        return LocalDate.ofEpochDay(Math.floorDiv(unixSeconds.longValueExact(), SECONDS_PER_DAY));
    }
}
