package io.sovereign.loadgen;

/** A 201 answer to a bid: the bid as sent and what the server acknowledged. */
record Ack(SentBid bid, String bidId, String receivedAt) {
}
