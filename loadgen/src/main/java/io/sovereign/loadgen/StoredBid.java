package io.sovereign.loadgen;

/** One row of GET /api/v1/auctions/{id}/bids (the caller's own bids) as far as the check needs it. */
record StoredBid(String bidId, String bidderId, String kind, String rate, long amount, boolean withdrawn) {
}
