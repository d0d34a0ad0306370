package io.sovereign.events;

/**
 * Events on {@link Topics#SETTLEMENT_EVENTS}. Allocation events are keyed by allocationId; coupon
 * and redemption events by ISIN and payment date, which is what makes them unique.
 */
public sealed interface SettlementEvent extends PlatformEvent
        permits AllocationSettled, AllocationFailed, CouponPaid, Redeemed {

    @Override
    default String topic() {
        return Topics.SETTLEMENT_EVENTS;
    }
}
