package io.sovereign.auction.domain;

/** What is auctioned: bills (zero coupon), notes and bonds (semi-annual coupons), TIPS. */
public enum SecurityType {
    BILL, NOTE, BOND, TIPS;

    public boolean hasCoupon() {
        return this != BILL;
    }
}
