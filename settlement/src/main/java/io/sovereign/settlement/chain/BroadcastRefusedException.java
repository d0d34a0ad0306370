package io.sovereign.settlement.chain;

/**
 * The node refused a signed transaction and does not know it (e.g. "nonce too low": another
 * transaction of the signer took its nonce), so it will never be mined.
 */
public class BroadcastRefusedException extends RuntimeException {

    private final String txHash;

    public BroadcastRefusedException(String txHash, String nodeMessage) {
        super("The node refused transaction " + txHash + ": " + nodeMessage);
        this.txHash = txHash;
    }

    public String txHash() {
        return txHash;
    }
}
