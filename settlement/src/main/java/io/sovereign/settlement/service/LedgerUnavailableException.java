package io.sovereign.settlement.service;

/** The EVM node cannot be used now (unreachable, another chain, no agent key): try again later. */
public class LedgerUnavailableException extends RuntimeException {

    public LedgerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
