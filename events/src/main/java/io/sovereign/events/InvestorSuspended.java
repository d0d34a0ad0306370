package io.sovereign.events;

import java.time.Instant;

/** KYC suspended: the wallet is to be frozen on chain. */
public record InvestorSuspended(String investorId, String walletAddress, String reason, Instant suspendedAt)
        implements IdentityEvent {
}
