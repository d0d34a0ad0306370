package io.sovereign.events;

/** Every event record of the platform; {@link #key()} is its Kafka record key. */
public sealed interface PlatformEvent permits AuctionEvent, IdentityEvent, SettlementEvent {
    String key();

    /** The topic the event belongs to. */
    String topic();
}
