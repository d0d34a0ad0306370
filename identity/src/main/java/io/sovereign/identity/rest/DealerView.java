package io.sovereign.identity.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sovereign.identity.repository.Dealer;
import java.time.Instant;

/**
 * A dealer; {@code clientSecret} only in the answer that just generated it (the onboarding's or a
 * regeneration's approval), the one time it is shown.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DealerView(String clientId, String legalName, Dealer.Status status, String requestedBy,
        Instant requestedAt, String approvedBy, Instant approvedAt, String disabledBy, Instant disabledAt,
        String secretRequestedBy, Instant secretRequestedAt, String secretRegeneratedBy,
        Instant secretRegeneratedAt, String clientSecret) {

    public static DealerView of(Dealer d, String secret) {
        return new DealerView(d.clientId, d.legalName, d.status, d.requestedBy, d.requestedAt, d.approvedBy,
                d.approvedAt, d.disabledBy, d.disabledAt, d.secretRequestedBy, d.secretRequestedAt,
                d.secretRegeneratedBy, d.secretRegeneratedAt, secret);
    }
}
