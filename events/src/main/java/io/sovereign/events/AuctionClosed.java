package io.sovereign.events;

import java.time.Instant;

/** Bidding ended: {@code bidCount} bids were received before the deadline. */
public record AuctionClosed(String auctionId, Instant closedAt, long bidCount) implements AuctionEvent {
}
