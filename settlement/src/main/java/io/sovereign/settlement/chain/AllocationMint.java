package io.sovereign.settlement.chain;

/**
 * One allocation to mint: {@code amount} tokens (currency units of par) to {@code wallet}. The
 * token's rules (positive amount, verified wallet, id not minted before) are checked on chain.
 */
public record AllocationMint(String allocationId, String wallet, long amount) {
}
