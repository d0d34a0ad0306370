package io.sovereign.auction.service;

import io.sovereign.auction.audit.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * A dealer identity disabled (DealerDisabled) loses its open bids at once: in every auction still
 * taking bids, each of its live bids is withdrawn by the system, with the reason, so none can clear.
 *
 * <p>Why no bid slips in: the transaction first records the bidder as disabled, then locks the
 * row of every auction that takes bids (in auction id order, so two of them never deadlock), and
 * only then, in later statements that see everything committed before the locks were granted,
 * withdraws the bidder's bids. The intake writer locks an auction's row before it checks and writes
 * a batch and reads the disabled bidders after that lock. So a batch is either committed before
 * the withdrawal takes the lock (its bids are then withdrawn with the others) or checked after the
 * withdrawal committed (and refused 403). A bid queued before DealerDisabled arrived and written
 * after is refused, whatever the token check (RevokedDealerCheck) saw when it was received.
 */
@ApplicationScoped
public class DisabledDealers {

    private static final Logger LOG = Logger.getLogger(DisabledDealers.class);

    private final EntityManager em;
    private final AuditLog audit;
    private final Clock clock;

    public DisabledDealers(EntityManager em, AuditLog audit, Clock clock) {
        this.em = em;
        this.audit = audit;
        this.clock = clock;
    }

    /** Records the bidder as disabled and withdraws its live bids in every auction taking bids. Idempotent. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void disable(String bidderId, String disabledBy, Instant disabledAt) {
        Instant now = clock.instant();
        em.createNativeQuery("insert into disabled_bidder (bidder_id, disabled_at, disabled_by) values (?1, ?2, ?3) "
                + "on conflict (bidder_id) do nothing").setParameter(1, bidderId)
                .setParameter(2, disabledAt == null ? now : disabledAt).setParameter(3, disabledBy == null ? "identity" : disabledBy)
                .executeUpdate();
        @SuppressWarnings("unchecked")
        List<String> open = em.createNativeQuery("select auction_id from auction where status in ('ANNOUNCED', 'OPEN') "
                + "order by auction_id for update").getResultList();
        if (open.isEmpty()) {
            return;
        }
        String reason = "dealer " + bidderId + " disabled" + (disabledBy == null ? "" : " by " + disabledBy);
        // the rows are locked: the bids read here are all the bidder has in these auctions until the commit
        @SuppressWarnings("unchecked")
        List<Object[]> withdrawn = em.createNativeQuery("select b.bid_id, b.auction_id from bid b where b.bidder_id = :bidder "
                + "and b.auction_id in (:open) and not exists (select 1 from bid_withdrawal w where w.bid_id = b.bid_id) "
                + "order by b.auction_id, b.seq").setParameter("bidder", bidderId).setParameter("open", open).getResultList();
        if (!withdrawn.isEmpty()) {
            em.createNativeQuery("insert into bid_withdrawal (bid_id, auction_id, withdrawn_at, withdrawn_by, reason) "
                    + "select b.bid_id, b.auction_id, :at, :by, :reason from bid b where b.bidder_id = :bidder "
                    + "and b.auction_id in (:open) and not exists (select 1 from bid_withdrawal w where w.bid_id = b.bid_id)")
                    .setParameter("at", now).setParameter("by", AuditLog.SYSTEM).setParameter("reason", reason)
                    .setParameter("bidder", bidderId).setParameter("open", open).executeUpdate();
        }
        if (withdrawn.isEmpty()) {
            return;
        }
        // every live bid of the bidder in these auctions is withdrawn: nothing live is left to count
        em.createNativeQuery("update bidder_position set competitive_bids = 0, noncompetitive_bids = 0, "
                + "noncompetitive_amount = 0 where bidder_id = :bidder and auction_id in (:open)").setParameter("bidder", bidderId)
                .setParameter("open", open).executeUpdate();
        for (Object[] w : withdrawn) {
            audit.record((String) w[1], now, AuditLog.SYSTEM, AuditLog.Action.BID_WITHDRAWN,
                    "bid " + w[0] + " of " + bidderId + " withdrawn: " + reason);
        }
        LOG.infof("Dealer %s disabled: %d open bid(s) withdrawn", bidderId, withdrawn.size());
    }
}
