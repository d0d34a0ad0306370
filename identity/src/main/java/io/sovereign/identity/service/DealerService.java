package io.sovereign.identity.service;

import io.sovereign.events.DealerDisabled;
import io.sovereign.identity.client.KeycloakDealers;
import io.sovereign.identity.repository.Dealer;
import io.sovereign.identity.rest.DealerRequest;
import io.sovereign.kit.outbox.Outbox;
import io.sovereign.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/**
 * Dealer onboarding with four eyes: one desk officer requests a dealer, another approves it, and
 * only then does the dealer exist in Keycloak; its secret is shown once, in the approval's answer.
 */
@ApplicationScoped
public class DealerService {

    private final KeycloakDealers keycloak;
    private final Outbox outbox;

    public DealerService(KeycloakDealers keycloak, Outbox outbox) {
        this.keycloak = keycloak;
        this.outbox = outbox;
    }

    @Transactional
    public Dealer request(DealerRequest r, String requestedBy) {
        if (Dealer.findById(r.clientId()) != null || r.clientId().equals("platform-cli")
                || r.clientId().equals("bidder-portal")) {
            throw ProblemException.conflict("Client id " + r.clientId() + " is taken");
        }
        Dealer d = new Dealer();
        d.clientId = r.clientId();
        d.legalName = r.legalName().strip();
        d.status = Dealer.Status.PENDING_APPROVAL;
        d.requestedBy = requestedBy;
        d.requestedAt = Instant.now();
        d.persist();
        return d;
    }

    /** Approves and creates the dealer in Keycloak; returns the dealer and its secret. */
    @Transactional
    public Approved approve(String clientId, String approver) {
        Dealer d = find(clientId, LockModeType.PESSIMISTIC_WRITE);
        if (d.requestedBy.equals(approver)) {
            throw ProblemException.forbidden("Four eyes: the officer who requested dealer " + clientId
                    + " cannot approve it; another desk officer must");
        }
        if (d.status != Dealer.Status.PENDING_APPROVAL) {
            throw ProblemException.conflict("Dealer " + clientId + " is " + d.status + "; its secret is not shown again");
        }
        String secret;
        try {
            secret = keycloak.create(d.clientId, d.legalName);
        } catch (RuntimeException e) {
            throw new ProblemException(502, "Keycloak unavailable",
                    "The dealer could not be created in Keycloak; try the approval again", List.of());
        }
        d.status = Dealer.Status.ACTIVE;
        d.approvedBy = approver;
        d.approvedAt = Instant.now();
        return new Approved(d, secret);
    }

    @Transactional
    public Dealer disable(String clientId, String officer) {
        Dealer d = find(clientId, LockModeType.PESSIMISTIC_WRITE);
        if (d.status != Dealer.Status.ACTIVE) {
            throw ProblemException.conflict("Dealer " + clientId + " is " + d.status);
        }
        try {
            keycloak.disable(clientId);
        } catch (RuntimeException e) {
            throw new ProblemException(502, "Keycloak unavailable",
                    "The dealer could not be disabled in Keycloak; try again", List.of());
        }
        d.status = Dealer.Status.DISABLED;
        d.disabledBy = officer;
        d.disabledAt = Instant.now();
        // every service refuses the dealer's tokens already issued once it reads this
        outbox.publish(new DealerDisabled(d.clientId, d.clientId, officer, d.disabledAt));
        return d;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Dealer> list() {
        return Dealer.listAll(io.quarkus.panache.common.Sort.by("requestedAt"));
    }

    private static Dealer find(String clientId, LockModeType lock) {
        return Dealer.<Dealer>findByIdOptional(clientId, lock)
                .orElseThrow(() -> ProblemException.notFound("No dealer " + clientId));
    }

    public record Approved(Dealer dealer, String secret) {
    }
}
