package io.sovereign.auction.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.sovereign.auction.audit.AuditLog;
import io.sovereign.auction.domain.AuctionStatus;
import io.sovereign.auction.domain.BidBasis;
import io.sovereign.auction.domain.clearing.BidKind;
import io.sovereign.auction.repository.Auction;
import io.sovereign.auction.repository.AuctionRepository;
import io.sovereign.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * A bidder's own bids: listed, read and withdrawn. Every query is by the caller's bidder id, so
 * another bidder's bid is as unknown as a bid that does not exist (404).
 */
@ApplicationScoped
public class BidService {

    private static final String COLUMNS = "b.bid_id, b.auction_id, b.bidder_id, b.kind, b.bid_value, b.amount, "
            + "b.net_long_position, b.received_at, b.receipt, w.withdrawn_at, a.bid_basis, a.isin, a.status, "
            + "al.accepted, al.price, al.settlement_amount";
    private static final String FROM = " from bid b join auction a on a.auction_id = b.auction_id "
            + "left join bid_withdrawal w on w.bid_id = b.bid_id "
            + "left join allocation al on al.auction_id = b.auction_id and al.bid_seq = b.seq and a.status = 'PUBLISHED' ";

    /** A stored bid as its bidder sees it; the award fields are set once the auction is published. */
    public record OwnBid(String bidId, String auctionId, String bidderId, BidKind kind, BidBasis basis,
            BigDecimal value, long amount, long netLongPosition, Instant receivedAt, String receipt, Instant withdrawnAt,
            String isin, AuctionStatus auctionStatus, Long accepted, BigDecimal price, BigDecimal settlementAmount) {

        public boolean withdrawn() {
            return withdrawnAt != null;
        }
    }

    private final AuctionRepository auctions;
    private final EntityManager em;
    private final AuditLog audit;
    private final Clock clock;

    public BidService(AuctionRepository auctions, EntityManager em, AuditLog audit, Clock clock) {
        this.auctions = auctions;
        this.em = em;
        this.audit = audit;
        this.clock = clock;
    }

    /** The caller's bids in an auction, in the order received (404 for an unknown auction). */
    @Transactional(Transactional.TxType.REQUIRED)
    public List<OwnBid> ownBids(String auctionId, String bidderId) {
        if (auctions.findById(auctionId) == null) {
            throw ProblemException.notFound("No auction " + auctionId);
        }
        return query("where b.auction_id = ?1 and b.bidder_id = ?2 order by b.seq", auctionId, bidderId);
    }

    /** One of the caller's bids; 404 for an unknown bid and for another bidder's. */
    @Transactional(Transactional.TxType.REQUIRED)
    public OwnBid ownBid(String auctionId, String bidId, String bidderId) {
        return query("where b.auction_id = ?1 and b.bidder_id = ?2 and b.bid_id = ?3", auctionId, bidderId, bidId)
                .stream().findFirst().orElseThrow(() -> ProblemException.notFound("No bid " + bidId + " of yours in auction "
                        + auctionId));
    }

    /** A retail investor's subscriptions across auctions, newest first. */
    @Transactional(Transactional.TxType.REQUIRED)
    public List<OwnBid> subscriptions(String investorId) {
        return query("where b.bidder_id = ?1 and b.retail order by b.received_at desc", investorId);
    }

    /**
     * Withdraws one of the caller's bids before its deadline (409 at or after it, or once the
     * auction is closed). The bid stays stored; the withdrawal is recorded beside it. Withdrawing
     * again answers the withdrawn bid.
     */
    public OwnBid withdraw(String auctionId, String bidId, String bidderId) {
        Instant now = clock.instant();
        QuarkusTransaction.requiringNew().run(() -> {
            Auction a = auctions.findById(auctionId, LockModeType.PESSIMISTIC_WRITE); // serialised with intake and close
            OwnBid bid = a == null ? null : query("where b.auction_id = ?1 and b.bidder_id = ?2 and b.bid_id = ?3",
                    auctionId, bidderId, bidId).stream().findFirst().orElse(null);
            if (bid == null) {
                throw ProblemException.notFound("No bid " + bidId + " of yours in auction " + auctionId);
            }
            if (bid.withdrawn()) {
                return;
            }
            Instant deadline = AuctionRules.deadline(a, bid.kind());
            if (!now.isBefore(deadline) || a.status != AuctionStatus.ANNOUNCED && a.status != AuctionStatus.OPEN) {
                throw ProblemException.conflict("Bid " + bidId + " can no longer be withdrawn: bidding closed at "
                        + BidIntake.iso(a.closedAt != null && a.closedAt.isBefore(deadline) ? a.closedAt : deadline));
            }
            em.createNativeQuery("insert into bid_withdrawal (bid_id, auction_id, withdrawn_at, withdrawn_by) "
                    + "values (?1, ?2, ?3, ?4)").setParameter(1, bidId).setParameter(2, auctionId).setParameter(3, now)
                    .setParameter(4, bidderId).executeUpdate();
            boolean competitive = bid.kind() == BidKind.COMPETITIVE;
            em.createNativeQuery("update bidder_position set competitive_bids = competitive_bids - ?3, "
                    + "noncompetitive_bids = noncompetitive_bids - ?4, noncompetitive_amount = noncompetitive_amount - ?5 "
                    + "where auction_id = ?1 and bidder_id = ?2").setParameter(1, auctionId).setParameter(2, bidderId)
                    .setParameter(3, competitive ? 1 : 0).setParameter(4, competitive ? 0 : 1)
                    .setParameter(5, competitive ? 0 : bid.amount()).executeUpdate();
            audit.record(auctionId, now, bidderId, AuditLog.Action.BID_WITHDRAWN, "bid " + bidId + " withdrawn");
        });
        return QuarkusTransaction.requiringNew().call(() -> ownBid(auctionId, bidId, bidderId));
    }

    private List<OwnBid> query(String where, Object... params) {
        var q = em.createNativeQuery("select " + COLUMNS + FROM + where);
        for (int i = 0; i < params.length; i++) {
            q.setParameter(i + 1, params[i]);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        return rows.stream().map(BidService::ownBid).toList();
    }

    private static OwnBid ownBid(Object[] r) {
        BidBasis basis = BidBasis.valueOf((String) r[10]);
        BigDecimal value = (BigDecimal) r[4];
        BigDecimal price = (BigDecimal) r[14];
        return new OwnBid((String) r[0], (String) r[1], (String) r[2], BidKind.valueOf((String) r[3]), basis,
                value == null ? null : value.setScale(basis == BidBasis.PRICE ? 6 : 3, RoundingMode.UNNECESSARY),
                ((Number) r[5]).longValue(), ((Number) r[6]).longValue(), AuditLog.instant(r[7]), ((String) r[8]).trim(),
                r[9] == null ? null : AuditLog.instant(r[9]), (String) r[11], AuctionStatus.valueOf((String) r[12]),
                r[13] == null ? null : ((Number) r[13]).longValue(), price == null ? null : price.setScale(6, RoundingMode.UNNECESSARY),
                (BigDecimal) r[15]);
    }
}
