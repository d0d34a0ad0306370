package io.sovereign.events;

import java.util.List;

/** Kafka topics of the platform (API.md, "Events"); the record key is named next to each. */
public final class Topics {
    /** Key: auctionId. */
    public static final String AUCTION_EVENTS = "auction.events.v1";
    /** Key: investorId. */
    public static final String IDENTITY_EVENTS = "identity.events.v1";
    /** Key: allocationId. */
    public static final String SETTLEMENT_EVENTS = "settlement.events.v1";

    public static final List<String> ALL = List.of(AUCTION_EVENTS, IDENTITY_EVENTS, SETTLEMENT_EVENTS);

    private Topics() {
    }
}
