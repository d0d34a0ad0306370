/**
 * Prices and rates of US-style Treasury securities by 31 CFR 356 Appendix B: bills (discount
 * rate, price, investment rate), notes and bonds (price and accrued interest from a yield,
 * regular, short and long first coupons, reopenings), TIPS (real price, index-ratio adjustment)
 * and the coupon of a new issue. Plain Java and exact {@code BigDecimal}: every rounding names its
 * scale and mode, conventions (roll rule, coupon schedule, day counts) are types, and the
 * conformance test reproduces every published bill, note, bond and TIPS price of 2008-2022.
 */
package io.sovereign.auction.domain.pricing;
