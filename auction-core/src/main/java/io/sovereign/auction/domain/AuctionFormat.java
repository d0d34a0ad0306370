package io.sovereign.auction.domain;

/** Single-price (uniform, every award at the stop-out) or multiple-price (each at its own bid). */
public enum AuctionFormat {
    SINGLE_PRICE, MULTI_PRICE
}
