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
import java.util.Optional;

/**
 * Dealer onboarding with four eyes: one desk officer requests a dealer, another approves it, and
 * only then does the dealer exist in Keycloak; its secret is shown once, in the approval's answer.
 * A client id Keycloak already knows is refused at the request and again at the approval (another
 * may have taken it meanwhile): onboarding creates a client, never adopts one, so it can never hand
 * out an existing client's secret. A new secret needs the same four eyes.
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
        if (Dealer.findById(r.clientId()) != null) {
            throw ProblemException.conflict("Client id " + r.clientId() + " is taken");
        }
        Optional<String> taken;
        try {
            taken = keycloak.whyTaken(r.clientId());
        } catch (RuntimeException e) {
            throw keycloakUnavailable("The client id could not be checked in Keycloak; try again");
        }
        if (taken.isPresent()) {
            throw ProblemException.conflict(taken.get());
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
        } catch (KeycloakDealers.Taken e) {
            // still pending: nothing was created, no secret leaves; the desk requests another id
            throw ProblemException.conflict(e.getMessage());
        } catch (RuntimeException e) {
            throw keycloakUnavailable("The dealer could not be created in Keycloak; try the approval again");
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
            throw keycloakUnavailable("The dealer could not be disabled in Keycloak; try again");
        }
        d.status = Dealer.Status.DISABLED;
        d.disabledBy = officer;
        d.disabledAt = Instant.now();
        // every service refuses the dealer's tokens already issued once it reads this
        outbox.publish(new DealerDisabled(d.clientId, d.clientId, officer, d.disabledAt));
        return d;
    }

    /** One desk officer asks for a new secret of an active dealer; another must approve it. */
    @Transactional
    public Dealer requestSecret(String clientId, String officer) {
        Dealer d = find(clientId, LockModeType.PESSIMISTIC_WRITE);
        if (d.status != Dealer.Status.ACTIVE) {
            throw ProblemException.conflict("Dealer " + clientId + " is " + d.status + "; only an active dealer gets a new secret");
        }
        if (d.secretRequestedBy != null) {
            throw ProblemException.conflict("A new secret for dealer " + clientId + " was requested by "
                    + d.secretRequestedBy + " and awaits another officer's approval");
        }
        d.secretRequestedBy = officer;
        d.secretRequestedAt = Instant.now();
        return d;
    }

    /** Another officer approves: Keycloak generates the new secret (the old one stops working), shown this once. */
    @Transactional
    public Approved approveSecret(String clientId, String approver) {
        Dealer d = find(clientId, LockModeType.PESSIMISTIC_WRITE);
        if (d.secretRequestedBy == null) {
            throw ProblemException.conflict("No new secret for dealer " + clientId + " is pending approval");
        }
        if (d.secretRequestedBy.equals(approver)) {
            throw ProblemException.forbidden("Four eyes: the officer who requested a new secret for dealer " + clientId
                    + " cannot approve it; another desk officer must");
        }
        if (d.status != Dealer.Status.ACTIVE) {
            throw ProblemException.conflict("Dealer " + clientId + " is " + d.status + "; only an active dealer gets a new secret");
        }
        String secret;
        try {
            secret = keycloak.regenerateSecret(clientId);
        } catch (RuntimeException e) {
            throw keycloakUnavailable("The secret could not be regenerated in Keycloak; try the approval again");
        }
        d.secretRequestedBy = null;
        d.secretRequestedAt = null;
        d.secretRegeneratedBy = approver;
        d.secretRegeneratedAt = Instant.now();
        return new Approved(d, secret);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Dealer> list() {
        return Dealer.listAll(io.quarkus.panache.common.Sort.by("requestedAt"));
    }

    private static Dealer find(String clientId, LockModeType lock) {
        return Dealer.<Dealer>findByIdOptional(clientId, lock)
                .orElseThrow(() -> ProblemException.notFound("No dealer " + clientId));
    }

    private static ProblemException keycloakUnavailable(String detail) {
        return new ProblemException(502, "Keycloak unavailable", detail, List.of());
    }

    public record Approved(Dealer dealer, String secret) {
    }
}
