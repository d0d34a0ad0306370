package io.sovereign.identity.service;

import io.quarkus.panache.common.Sort;
import io.sovereign.identity.repository.Investor;
import io.sovereign.identity.repository.KycStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class InvestorService {

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Investor> find(String investorId) {
        return Investor.findByIdOptional(investorId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Investor> list(KycStatus status) {
        Sort order = Sort.by("createdAt").and("investorId");
        return status == null ? Investor.listAll(order) : Investor.list("kycStatus", order, status);
    }
}
