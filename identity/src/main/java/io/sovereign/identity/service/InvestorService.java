package io.sovereign.identity.service;

import io.quarkus.panache.common.Sort;
import io.sovereign.events.InvestorSuspended;
import io.sovereign.events.WalletRegistered;
import io.sovereign.identity.domain.Countries;
import io.sovereign.identity.domain.WalletAddress;
import io.sovereign.identity.repository.Investor;
import io.sovereign.identity.repository.InvestorType;
import io.sovereign.identity.repository.KycStatus;
import io.sovereign.identity.rest.RegisterInvestorRequest;
import io.sovereign.kit.outbox.Outbox;
import io.sovereign.kit.problem.Problem;
import io.sovereign.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

@ApplicationScoped
public class InvestorService {

    private final Outbox outbox;

    public InvestorService(Outbox outbox) {
        this.outbox = outbox;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Investor> find(String investorId) {
        return Investor.findByIdOptional(investorId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Investor> list(KycStatus status) {
        Sort order = Sort.by("createdAt").and("investorId");
        return status == null ? Investor.listAll(order) : Investor.list("kycStatus", order, status);
    }

    /**
     * Creates or updates the caller's record. A new or changed record goes back to PENDING (re-KYC);
     * an identical one changes nothing. A new or changed wallet is announced (WalletRegistered, which
     * consumers read as PENDING); other changes to an APPROVED record as InvestorSuspended.
     */
    @Transactional
    public Investor register(String investorId, InvestorType type, RegisterInvestorRequest r) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (!Countries.isAlpha2(r.country())) {
            errors.add(new Problem.FieldError("country", "must be an ISO 3166 alpha-2 code in capitals, such as DE"));
        }
        WalletAddress.problem(r.walletAddress())
                .ifPresent(p -> errors.add(new Problem.FieldError("walletAddress", p)));
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("The investor record has " + errors.size() + " invalid field(s)", errors);
        }
        String legalName = r.legalName().strip();
        Investor holder = Investor.find("walletAddress", r.walletAddress()).firstResult();
        if (holder != null && !holder.investorId.equals(investorId)) {
            throw ProblemException.conflict("This wallet is registered to another investor");
        }
        Investor existing = Investor.findById(investorId, LockModeType.PESSIMISTIC_WRITE);
        if (existing != null && existing.investorType == type && existing.legalName.equals(legalName)
                && existing.country.equals(r.country()) && r.walletAddress().equals(existing.walletAddress)) {
            return existing; // identical: nothing changes, no re-KYC
        }
        Instant now = Instant.now();
        boolean wasApproved = existing != null && existing.kycStatus == KycStatus.APPROVED;
        Investor investor = existing != null ? existing : new Investor();
        boolean walletChanged = !Objects.equals(investor.walletAddress, r.walletAddress());
        investor.investorId = investorId;
        investor.investorType = type;
        investor.legalName = legalName;
        investor.country = r.country();
        investor.walletAddress = r.walletAddress();
        investor.kycStatus = KycStatus.PENDING;
        investor.updatedAt = now;
        if (existing == null) {
            investor.createdAt = now;
            investor.persist();
        }
        try {
            Investor.flush(); // a wallet taken by a concurrent registration fails here
        } catch (PersistenceException e) {
            throw ProblemException.conflict("This wallet is registered to another investor");
        }
        if (walletChanged) {
            outbox.publish(new WalletRegistered(investorId, investor.walletAddress, investor.country, type.name()));
        } else if (wasApproved) {
            // same wallet, other details: back to PENDING here, so no longer approved anywhere until re-KYC
            outbox.publish(new InvestorSuspended(investorId, investor.walletAddress,
                    "investor record changed: KYC review pending", now));
        }
        return investor;
    }
}
