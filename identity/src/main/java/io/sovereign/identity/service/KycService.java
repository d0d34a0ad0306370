package io.sovereign.identity.service;

import io.sovereign.events.InvestorApproved;
import io.sovereign.events.InvestorSuspended;
import io.sovereign.identity.config.SanctionsConfig;
import io.sovereign.identity.repository.Investor;
import io.sovereign.identity.repository.KycDecisionRecord;
import io.sovereign.identity.repository.KycStatus;
import io.sovereign.kit.outbox.Outbox;
import io.sovereign.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * KYC decisions by compliance officers: never on their own record, always with a reason, every
 * one kept; an approval is screened against the sanctions list and becomes a rejection if it hits.
 */
@ApplicationScoped
public class KycService {

    private final Outbox outbox;
    private final SanctionsConfig sanctions;

    public KycService(Outbox outbox, SanctionsConfig sanctions) {
        this.outbox = outbox;
        this.sanctions = sanctions;
    }

    @Transactional
    public KycDecisionRecord decide(String investorId, KycStatus decision, String reason, String officerId,
            String officerName) {
        if (investorId.equals(officerId)) {
            throw ProblemException.forbidden("A compliance officer may not decide on their own investor record");
        }
        if (decision == KycStatus.PENDING) {
            throw ProblemException.badRequest("decision", "must be APPROVED, REJECTED or SUSPENDED");
        }
        Investor investor = Investor.<Investor>findByIdOptional(investorId, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("No investor " + investorId));
        KycStatus outcome = decision;
        String recordedReason = reason.strip();
        if (decision == KycStatus.APPROVED) {
            if (investor.walletAddress == null) {
                throw ProblemException.conflict("Investor " + investorId + " has no wallet registered yet");
            }
            Optional<String> hit = sanctionsHit(investor);
            if (hit.isPresent()) {
                outcome = KycStatus.REJECTED;
                recordedReason = hit.get() + " (approval requested: " + recordedReason + ")";
            }
        }
        Instant now = Instant.now();
        KycStatus before = investor.kycStatus;
        investor.kycStatus = outcome;
        investor.updatedAt = now;
        KycDecisionRecord record = new KycDecisionRecord();
        record.investorId = investorId;
        record.requestedDecision = decision;
        record.outcome = outcome;
        record.reason = recordedReason;
        record.decidedBy = officerName;
        record.decidedAt = now;
        record.persist();
        if (outcome == KycStatus.APPROVED && before != KycStatus.APPROVED) {
            outbox.publish(new InvestorApproved(investorId, investor.investorType.name(), investor.country,
                    investor.walletAddress, now));
        } else if (before == KycStatus.APPROVED && outcome != KycStatus.APPROVED) {
            // no longer approved (suspended, or rejected on review): auction-core and settlement stop treating
            // the investor as approved; identity.events.v1 has one event for that
            outbox.publish(new InvestorSuspended(investorId, investor.walletAddress,
                    outcome == KycStatus.REJECTED ? "KYC rejected: " + recordedReason : recordedReason, now));
        } else if (outcome == KycStatus.SUSPENDED && before != KycStatus.SUSPENDED) {
            outbox.publish(new InvestorSuspended(investorId, investor.walletAddress, recordedReason, now));
        }
        return record;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<KycDecisionRecord> history(String investorId) {
        if (Investor.findById(investorId) == null) {
            throw ProblemException.notFound("No investor " + investorId);
        }
        return KycDecisionRecord.list("investorId = ?1 order by decidedAt, decisionId", investorId);
    }

    private Optional<String> sanctionsHit(Investor investor) {
        if (sanctions.countries().contains(investor.country)) {
            return Optional.of("Sanctioned country " + investor.country);
        }
        String wallet = investor.walletAddress.toLowerCase(Locale.ROOT);
        boolean listed = sanctions.addresses().orElse(List.of()).stream()
                .anyMatch(a -> a.strip().toLowerCase(Locale.ROOT).equals(wallet));
        return listed ? Optional.of("Sanctioned wallet address " + investor.walletAddress) : Optional.empty();
    }
}
