package io.sovereign.settlement.chain;

/**
 * A transaction signed by the agent: its hash (known before the node sees it), the raw signed
 * bytes (0x hex, enough to send it again) and its nonce.
 */
public record SignedTransaction(String hash, String raw, long nonce) {
}
