package io.sovereign.auction.domain.pricing;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What prices a note, bond or TIPS: settlement is on the issue date; interest accrues from the
 * dated date (the issue date unless given: a reopening or a delayed issue is dated earlier);
 * {@code couponRate} is the annual rate in percent, paid semi-annually. The first interest payment
 * date defaults to the first regular coupon date after the dated date; given, it must be one of
 * the coupon dates counted back from maturity (a short first coupon when it is the next one, a
 * long first coupon when it skips one).
 */
public record BondTerms(LocalDate issueDate, LocalDate maturityDate, LocalDate datedDate,
        LocalDate firstInterestPaymentDate, BigDecimal couponRate) {

    public BondTerms {
        require(issueDate, "issueDate");
        require(maturityDate, "maturityDate");
        require(couponRate, "couponRate");
        if (!maturityDate.isAfter(issueDate)) {
            throw new PricingArgumentException("maturityDate", "must be after issueDate");
        }
        if (couponRate.signum() < 0) {
            throw new PricingArgumentException("couponRate", "must not be negative");
        }
        if (datedDate == null) {
            datedDate = issueDate;
        } else if (datedDate.isAfter(issueDate)) {
            throw new PricingArgumentException("datedDate", "must not be after issueDate");
        }
        CouponSchedule schedule = CouponSchedule.covering(maturityDate, datedDate);
        if (firstInterestPaymentDate == null) {
            firstInterestPaymentDate = schedule.firstAfter(datedDate);
        } else if (!firstInterestPaymentDate.isAfter(datedDate) || firstInterestPaymentDate.isAfter(maturityDate)) {
            throw new PricingArgumentException("firstInterestPaymentDate", "must be after datedDate and not after maturityDate");
        } else if (!schedule.isCouponDate(firstInterestPaymentDate)) {
            throw new PricingArgumentException("firstInterestPaymentDate",
                    "must be a coupon date, counted back from maturityDate " + maturityDate + " in 6-month steps");
        }
    }

    /** Terms of a security issued on its dated date with a regular first coupon. */
    public static BondTerms of(LocalDate issueDate, LocalDate maturityDate, BigDecimal couponRate) {
        return new BondTerms(issueDate, maturityDate, null, null, couponRate);
    }

    private static void require(Object value, String field) {
        if (value == null) {
            throw new PricingArgumentException(field, "is required");
        }
    }
}
