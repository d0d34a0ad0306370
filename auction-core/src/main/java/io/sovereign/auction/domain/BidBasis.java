package io.sovereign.auction.domain;

/** What competitive bids state: a yield, a discount rate (bills) or a price per 100. */
public enum BidBasis {
    YIELD, DISCOUNT_RATE, PRICE;

    /** DOMAIN.md §2: BILL with DISCOUNT_RATE, NOTE/BOND/TIPS with YIELD, any security with PRICE. */
    public boolean allows(SecurityType type) {
        return switch (this) {
            case DISCOUNT_RATE -> type == SecurityType.BILL;
            case YIELD -> type != SecurityType.BILL;
            case PRICE -> true;
        };
    }
}
