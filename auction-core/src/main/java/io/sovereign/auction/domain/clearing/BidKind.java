package io.sovereign.auction.domain.clearing;

/** Competitive bids name a rate (or price); non-competitive bids take whatever the auction sets. */
public enum BidKind {
    COMPETITIVE, NONCOMPETITIVE
}
