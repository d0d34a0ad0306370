package io.sovereign.settlement.rest;

/** One holder of record of a bond token. */
public record HolderView(String investorId, String walletAddress, long balance) {
}
