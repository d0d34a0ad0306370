package io.sovereign.auction.rest;

/** POST /api/v1/auctions/{id}/subscriptions: a retail investor's non-competitive bid. */
public record SubscriptionRequest(Long amount) {
}
