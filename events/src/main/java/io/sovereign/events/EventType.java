package io.sovereign.events;

import java.util.Arrays;
import java.util.Optional;

/** The CloudEvents {@code type} of each event record: its simple name, as API.md lists them. */
public enum EventType {
    AUCTION_ANNOUNCED(AuctionAnnounced.class),
    AUCTION_CLOSED(AuctionClosed.class),
    AUCTION_RESULTS_PUBLISHED(AuctionResultsPublished.class),
    ALLOCATIONS_PUBLISHED(AllocationsPublished.class),
    INVESTOR_APPROVED(InvestorApproved.class),
    INVESTOR_SUSPENDED(InvestorSuspended.class),
    WALLET_REGISTERED(WalletRegistered.class),
    DEALER_DISABLED(DealerDisabled.class),
    ALLOCATION_SETTLED(AllocationSettled.class),
    ALLOCATION_FAILED(AllocationFailed.class),
    COUPON_PAID(CouponPaid.class),
    REDEEMED(Redeemed.class);

    private final Class<? extends PlatformEvent> recordClass;

    EventType(Class<? extends PlatformEvent> recordClass) {
        this.recordClass = recordClass;
    }

    public String typeName() {
        return recordClass.getSimpleName();
    }

    public Class<? extends PlatformEvent> recordClass() {
        return recordClass;
    }

    public static EventType of(PlatformEvent event) {
        return Arrays.stream(values()).filter(t -> t.recordClass == event.getClass()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No event type for " + event.getClass()));
    }

    public static Optional<EventType> byName(String typeName) {
        return Arrays.stream(values()).filter(t -> t.typeName().equals(typeName)).findFirst();
    }
}
