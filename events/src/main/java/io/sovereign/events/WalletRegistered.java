package io.sovereign.events;

/** An investor registered (or changed) the wallet its bonds are delivered to. */
public record WalletRegistered(String investorId, String walletAddress, String country, String investorType)
        implements IdentityEvent {
}
