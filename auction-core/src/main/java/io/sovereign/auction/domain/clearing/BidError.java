package io.sovereign.auction.domain.clearing;

/** One invalid bid: its position in the request, its id, the field and what is wrong. */
public record BidError(int index, String bidId, String field, String message) {
}
