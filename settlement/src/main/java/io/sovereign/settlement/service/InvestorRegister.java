package io.sovereign.settlement.service;

import io.sovereign.events.InvestorApproved;
import io.sovereign.events.InvestorSuspended;
import io.sovereign.events.WalletRegistered;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Settlement's copy of the investor register, from identity.events.v1: who may be delivered to
 * (APPROVED with a wallet), with the country the on-chain identity registry records. A changed
 * wallet is PENDING until identity approves it again.
 */
@ApplicationScoped
public class InvestorRegister {

    /** An investor as settlement knows it. */
    public record Investor(String investorId, String investorType, String country, String kycStatus,
            String walletAddress) {

        public boolean deliverable() {
            return "APPROVED".equals(kycStatus) && walletAddress != null;
        }
    }

    private final EntityManager em;

    public InvestorRegister(EntityManager em) {
        this.em = em;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void walletRegistered(WalletRegistered w, Instant at) {
        upsert(w.investorId(), w.investorType(), w.country(), "PENDING", w.walletAddress(), at);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void approved(InvestorApproved a, Instant at) {
        upsert(a.investorId(), a.investorType(), a.country(), "APPROVED", a.walletAddress(), at);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void suspended(InvestorSuspended s, Instant at) {
        upsert(s.investorId(), null, null, "SUSPENDED", s.walletAddress(), at);
    }

    private void upsert(String id, String type, String country, String status, String wallet, Instant at) {
        em.createNativeQuery("insert into investor (investor_id, investor_type, country, kyc_status, wallet_address, "
                + "updated_at) values (?1, ?2, ?3, ?4, ?5, ?6) on conflict (investor_id) do update set "
                + "investor_type = coalesce(excluded.investor_type, investor.investor_type), "
                + "country = coalesce(excluded.country, investor.country), kyc_status = excluded.kyc_status, "
                + "wallet_address = coalesce(excluded.wallet_address, investor.wallet_address), updated_at = excluded.updated_at")
                .setParameter(1, id).setParameter(2, type).setParameter(3, country).setParameter(4, status)
                .setParameter(5, wallet).setParameter(6, at).executeUpdate();
    }

    /** The investor whose wallet this is now (addresses compared case-insensitively). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Investor> byWallet(String wallet) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select investor_id, investor_type, country, kyc_status, wallet_address "
                + "from investor where lower(wallet_address) = lower(?1) order by updated_at desc").setParameter(1, wallet)
                .getResultList();
        return rows.stream().findFirst().map(InvestorRegister::investor);
    }

    private static Investor investor(Object[] r) {
        return new Investor((String) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4]);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Investor> find(String investorId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select investor_id, investor_type, country, kyc_status, wallet_address "
                + "from investor where investor_id = ?1").setParameter(1, investorId).getResultList();
        return rows.stream().findFirst().map(InvestorRegister::investor);
    }
}
