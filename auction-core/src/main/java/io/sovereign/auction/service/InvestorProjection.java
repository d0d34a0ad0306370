package io.sovereign.auction.service;

import io.sovereign.events.CloudEvent;
import io.sovereign.events.DealerDisabled;
import io.sovereign.events.InvestorApproved;
import io.sovereign.events.InvestorSuspended;
import io.sovereign.events.PlatformEvent;
import io.sovereign.events.WalletRegistered;
import io.sovereign.kit.inbox.Inbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What identity has said about each investor, kept from identity.events.v1 (ordered per investor
 * by its key): a registered or changed wallet is PENDING (identity re-runs KYC), an approval makes
 * it APPROVED, a suspension SUSPENDED. Retail subscriptions and dealers' bids are checked against
 * this table, so they keep working while identity is down, on what identity last said; a decision
 * taken while Kafka is down applies once its event arrives. A disabled dealer (DealerDisabled) has
 * its open bids withdrawn in the same transaction as the inbox entry ({@link DisabledDealers}).
 */
@ApplicationScoped
public class InvestorProjection {

    /** An investor as auction-core knows it. */
    public record InvestorStatus(String investorId, String kycStatus, String walletAddress) {
        public boolean maySubscribe() {
            return "APPROVED".equals(kycStatus) && walletAddress != null;
        }
    }

    private final EntityManager em;
    private final Inbox inbox;
    private final DisabledDealers disabledDealers;

    public InvestorProjection(EntityManager em, Inbox inbox, DisabledDealers disabledDealers) {
        this.em = em;
        this.inbox = inbox;
        this.disabledDealers = disabledDealers;
    }

    @Transactional
    public void apply(CloudEvent<PlatformEvent> event) {
        if (!inbox.firstDelivery(event)) {
            return;
        }
        Instant at = event.time() == null ? Instant.now() : event.time();
        if (event.data() instanceof WalletRegistered w) {
            upsert(w.investorId(), "PENDING", w.walletAddress(), at);
        } else if (event.data() instanceof InvestorApproved a) {
            upsert(a.investorId(), "APPROVED", a.walletAddress(), at);
        } else if (event.data() instanceof InvestorSuspended s) {
            upsert(s.investorId(), "SUSPENDED", s.walletAddress(), at);
        } else if (event.data() instanceof DealerDisabled d) {
            // the bidder id of a dealer system is its client id
            disabledDealers.disable(d.clientId(), d.disabledBy(), d.disabledAt());
        }
    }

    private void upsert(String investorId, String status, String wallet, Instant at) {
        em.createNativeQuery("insert into investor_status (investor_id, kyc_status, wallet_address, updated_at) "
                + "values (?1, ?2, ?3, ?4) on conflict (investor_id) do update set kyc_status = excluded.kyc_status, "
                + "wallet_address = coalesce(excluded.wallet_address, investor_status.wallet_address), "
                + "updated_at = excluded.updated_at")
                .setParameter(1, investorId).setParameter(2, status).setParameter(3, wallet).setParameter(4, at)
                .executeUpdate();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<InvestorStatus> find(String investorId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select investor_id, kyc_status, wallet_address from investor_status "
                + "where investor_id = ?1").setParameter(1, investorId).getResultList();
        return rows.stream().findFirst().map(r -> new InvestorStatus((String) r[0], (String) r[1], (String) r[2]));
    }
}
