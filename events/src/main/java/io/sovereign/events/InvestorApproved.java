package io.sovereign.events;

import java.time.Instant;

/** KYC approved: the wallet may be whitelisted on chain. */
public record InvestorApproved(String investorId, String investorType, String country, String walletAddress,
        Instant approvedAt) implements IdentityEvent {
}
