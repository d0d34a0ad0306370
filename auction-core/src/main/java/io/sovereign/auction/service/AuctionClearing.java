package io.sovereign.auction.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.sovereign.auction.audit.AuditLog;
import io.sovereign.auction.domain.AuctionStatus;
import io.sovereign.auction.domain.clearing.BidBook;
import io.sovereign.auction.domain.clearing.BidError;
import io.sovereign.auction.domain.clearing.BidKind;
import io.sovereign.auction.domain.clearing.BidValidator;
import io.sovereign.auction.domain.clearing.ClearingEngine;
import io.sovereign.auction.domain.clearing.ClearingResult;
import io.sovereign.auction.domain.clearing.ClearingTerms;
import io.sovereign.auction.repository.Auction;
import io.sovereign.auction.repository.AuctionRepository;
import io.sovereign.auction.rest.ClearingResultWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * CLOSED → ALLOCATED: the clearing engine on the auction's stored bids (withdrawn ones left out,
 * in the order they were received), at once after the close. The statistics and one allocation
 * per bid (with its id, price, accrued interest and settlement amount) are stored in the same
 * transaction as the status, so results exist exactly when the auction is ALLOCATED.
 */
@ApplicationScoped
public class AuctionClearing {

    private static final Logger LOG = Logger.getLogger(AuctionClearing.class);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final AuctionRepository auctions;
    private final EntityManager em;
    private final AuditLog audit;
    private final Clock clock;

    public AuctionClearing(AuctionRepository auctions, EntityManager em, AuditLog audit, Clock clock) {
        this.auctions = auctions;
        this.em = em;
        this.audit = audit;
        this.clock = clock;
    }

    /** A stored bid as the clearing reads it. */
    public record StoredBid(String bidId, String bidderId, BidKind kind, BigDecimal value, long amount,
            long netLongPosition, String walletAddress) {
    }

    /** Clears a closed auction; true if this call did it. */
    public boolean clear(String auctionId) {
        long started = System.nanoTime();
        boolean cleared = QuarkusTransaction.requiringNew().call(() -> {
            Auction a = auctions.findById(auctionId, LockModeType.PESSIMISTIC_WRITE);
            if (a == null || a.status != AuctionStatus.CLOSED) {
                return false;
            }
            List<StoredBid> bids = liveBids(auctionId);
            ClearingTerms terms = AuctionRules.clearingTerms(a);
            BidBook.Builder b = BidBook.builder(terms.increment(), bids.size());
            for (StoredBid bid : bids) {
                b.add(bid.bidId(), bid.bidderId(), bid.kind(), bid.value(), bid.amount(), bid.netLongPosition());
            }
            BidBook book = b.build();
            List<BidError> invalid = BidValidator.validate(terms, book);
            if (!invalid.isEmpty()) { // every bid was checked at submission: this is a defect, never cleared over
                throw new IllegalStateException("Stored bids of auction " + auctionId + " break the terms: " + invalid);
            }
            ClearingResult r = ClearingEngine.clear(terms, book, AuctionRules.pricing(a));
            BigDecimal coupon = r.stopOut() == null ? a.couponRate : r.stopOut().coupon();
            BigDecimal accrued = AuctionRules.accruedPer100(a, coupon);
            Instant now = clock.instant();
            em.createNativeQuery("insert into auction_result (auction_id, summary, stop_out, accrued_per_100, cleared_at) "
                    + "values (?1, ?2, ?3, ?4, ?5)").setParameter(1, auctionId)
                    .setParameter(2, summary(terms, a, r)).setParameter(3, r.stopOut() != null)
                    .setParameter(4, accrued).setParameter(5, now).executeUpdate();
            insertAllocations(auctionId, bids, r, accrued);
            a.status = AuctionStatus.ALLOCATED;
            a.allocatedAt = now;
            audit.record(auctionId, now, AuditLog.SYSTEM, AuditLog.Action.ALLOCATED, bids.size() + " bid(s) cleared; "
                    + (r.stopOut() == null ? "no stop-out" : "high " + r.stopOut().high().toPlainString() + ", allotted "
                            + r.stopOut().allotmentPercentage().toPlainString() + "%") + ", " + r.totalAccepted() + " accepted");
            return true;
        });
        if (cleared) {
            LOG.infof("Auction %s cleared in %d ms", auctionId, (System.nanoTime() - started) / 1_000_000);
        }
        return cleared;
    }

    /** The statistics of the results (the simulation response without its allocations), as JSON. */
    private static String summary(ClearingTerms terms, Auction a, ClearingResult r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ClearingResultWriter.writeSummary(out, terms, a.securityType, r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The auction's bids that were not withdrawn, in the order they were received. */
    public List<StoredBid> liveBids(String auctionId) {
        List<StoredBid> bids = new ArrayList<>();
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement ps = c.prepareStatement("select b.bid_id, b.bidder_id, b.kind, b.bid_value, b.amount, "
                    + "b.net_long_position, b.wallet_address from bid b where b.auction_id = ? and not exists "
                    + "(select 1 from bid_withdrawal w where w.bid_id = b.bid_id) order by b.seq")) {
                ps.setString(1, auctionId);
                ps.setFetchSize(10_000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        bids.add(new StoredBid(rs.getString(1), rs.getString(2), BidKind.valueOf(rs.getString(3)),
                                rs.getBigDecimal(4), rs.getLong(5), rs.getLong(6), rs.getString(7)));
                    }
                }
            }
        });
        return bids;
    }

    private void insertAllocations(String auctionId, List<StoredBid> bids, ClearingResult r, BigDecimal accruedPer100) {
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into allocation (allocation_id, auction_id, ordinal, "
                    + "bid_id, bidder_id, kind, accepted, price, accrued_interest, settlement_amount, wallet_address) "
                    + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < bids.size(); i++) {
                    StoredBid bid = bids.get(i);
                    long accepted = r.acceptedOf(i);
                    BigDecimal price = r.priceOf(i);
                    ps.setString(1, UUID.randomUUID().toString());
                    ps.setString(2, auctionId);
                    ps.setInt(3, i);
                    ps.setString(4, bid.bidId());
                    ps.setString(5, bid.bidderId());
                    ps.setString(6, bid.kind().name());
                    ps.setLong(7, accepted);
                    if (price == null) {
                        ps.setNull(8, Types.NUMERIC);
                        ps.setNull(9, Types.NUMERIC);
                        ps.setNull(10, Types.NUMERIC);
                    } else {
                        BigDecimal par = BigDecimal.valueOf(accepted);
                        BigDecimal accrued = par.multiply(accruedPer100).divide(HUNDRED);
                        ps.setBigDecimal(8, price);
                        ps.setBigDecimal(9, accrued.setScale(2, RoundingMode.HALF_UP));
                        ps.setBigDecimal(10, par.multiply(price).divide(HUNDRED).add(accrued).setScale(2, RoundingMode.HALF_UP));
                    }
                    ps.setString(11, bid.walletAddress());
                    ps.addBatch();
                    if (i % 10_000 == 9_999) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
        });
    }

    /** Auctions closed but not cleared (a crash between the two): cleared by the sweep. */
    public List<String> pending() {
        return QuarkusTransaction.requiringNew().call(() -> auctions.list("status", AuctionStatus.CLOSED).stream()
                .map(a -> a.auctionId).toList());
    }
}
