package io.sovereign.auction.domain;

/** ANNOUNCED → OPEN → CLOSED → ALLOCATED → PUBLISHED, or CANCELLED before the close. */
public enum AuctionStatus {
    ANNOUNCED, OPEN, CLOSED, ALLOCATED, PUBLISHED, CANCELLED
}
