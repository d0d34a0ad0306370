package io.sovereign.identity.rest;

import io.sovereign.identity.repository.KycStatus;
import java.time.Instant;

/** A KYC decision as recorded: {@code outcome} differs from {@code requestedDecision} when sanctions turned it. */
public record KycDecisionView(String investorId, KycStatus requestedDecision, KycStatus outcome, String reason,
        String decidedBy, Instant decidedAt) {
}
