package io.sovereign.settlement.rest;

import java.time.LocalDate;

/** POST /api/v1/securities/{isin}/coupons: the payment date, one of the bond's coupon dates. */
public record CouponRequest(LocalDate paymentDate) {
}
