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

    /**
     * The one service that publishes on a topic: the {@code source} of its events, and the only
     * Kafka principal the broker's ACLs let write there; null for a topic that is not the platform's.
     */
    public static String publisher(String topic) {
        return switch (topic) {
            case AUCTION_EVENTS -> "auction-core";
            case IDENTITY_EVENTS -> "identity";
            case SETTLEMENT_EVENTS -> "settlement";
            default -> null;
        };
    }

    private Topics() {
    }
}
