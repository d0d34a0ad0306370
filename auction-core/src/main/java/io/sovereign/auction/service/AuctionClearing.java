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
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.Session;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

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
    public record StoredBid(String bidId, long seq, String bidderId, BidKind kind, BigDecimal value, long amount,
            long netLongPosition, String walletAddress) {
    }

    /** Clears a closed auction; true if this call did it. */
    public boolean clear(String auctionId) {
        long started = System.nanoTime();
        long[] at = new long[3]; // bids read, cleared, allocations written
        boolean cleared = QuarkusTransaction.requiringNew().call(() -> {
            Auction a = auctions.findById(auctionId, LockModeType.PESSIMISTIC_WRITE);
            if (a == null || a.status != AuctionStatus.CLOSED) {
                return false;
            }
            List<StoredBid> bids = liveBids(auctionId);
            at[0] = System.nanoTime();
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
            at[1] = System.nanoTime();
            Instant now = clock.instant();
            em.createNativeQuery("insert into auction_result (auction_id, summary, stop_out, accrued_per_100, cleared_at) "
                    + "values (?1, ?2, ?3, ?4, ?5)").setParameter(1, auctionId)
                    .setParameter(2, summary(terms, a, r)).setParameter(3, r.stopOut() != null)
                    .setParameter(4, accrued).setParameter(5, now).executeUpdate();
            insertAllocations(auctionId, bids, r, accrued);
            at[2] = System.nanoTime();
            a.status = AuctionStatus.ALLOCATED;
            a.allocatedAt = now;
            audit.record(auctionId, now, AuditLog.SYSTEM, AuditLog.Action.ALLOCATED, bids.size() + " bid(s) cleared; "
                    + (r.stopOut() == null ? "no stop-out" : "high " + r.stopOut().high().toPlainString() + ", allotted "
                            + r.stopOut().allotmentPercentage().toPlainString() + "%") + ", " + r.totalAccepted() + " accepted");
            return true;
        });
        if (cleared) {
            long done = System.nanoTime();
            LOG.infof("Auction %s cleared in %d ms (bids read %d ms, cleared %d ms, allocations written %d ms, "
                    + "committed %d ms)", auctionId, (done - started) / 1_000_000, (at[0] - started) / 1_000_000,
                    (at[1] - at[0]) / 1_000_000, (at[2] - at[1]) / 1_000_000, (done - at[2]) / 1_000_000);
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
            try (PreparedStatement ps = c.prepareStatement("select b.bid_id, b.seq, b.bidder_id, b.kind, b.bid_value, b.amount, "
                    + "b.net_long_position, b.wallet_address from bid b where b.auction_id = ? and not exists "
                    + "(select 1 from bid_withdrawal w where w.bid_id = b.bid_id) order by b.seq")) {
                ps.setString(1, auctionId);
                ps.setFetchSize(10_000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        bids.add(new StoredBid(rs.getString(1), rs.getLong(2), rs.getString(3), BidKind.valueOf(rs.getString(4)),
                                rs.getBigDecimal(5), rs.getLong(6), rs.getLong(7), rs.getString(8)));
                    }
                }
            }
        });
        return bids;
    }

    /**
     * One row per bid, in bid order, written with COPY (a batch of 100,000 INSERTs costs seconds
     * more); allocation_id is drawn by PostgreSQL (V5).
     */
    private void insertAllocations(String auctionId, List<StoredBid> bids, ClearingResult r, BigDecimal accruedPer100) {
        em.unwrap(Session.class).doWork(c -> {
            CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy allocation (auction_id, ordinal, "
                    + "bid_seq, bid_id, bidder_id, kind, accepted, price, accrued_interest, settlement_amount, "
                    + "wallet_address) from stdin");
            try {
                StringBuilder rows = new StringBuilder(1 << 17);
                for (int i = 0; i < bids.size(); i++) {
                    StoredBid bid = bids.get(i);
                    long accepted = r.acceptedOf(i);
                    BigDecimal price = r.priceOf(i);
                    field(rows, auctionId).append(i).append('\t').append(bid.seq()).append('\t');
                    field(rows, bid.bidId());
                    field(rows, bid.bidderId());
                    field(rows, bid.kind().name()).append(accepted).append('\t');
                    if (price == null) {
                        rows.append("\\N\t\\N\t\\N\t");
                    } else {
                        BigDecimal par = BigDecimal.valueOf(accepted);
                        BigDecimal accrued = par.multiply(accruedPer100).divide(HUNDRED);
                        rows.append(price.toPlainString()).append('\t')
                                .append(accrued.setScale(2, RoundingMode.HALF_UP).toPlainString()).append('\t')
                                .append(par.multiply(price).divide(HUNDRED).add(accrued).setScale(2, RoundingMode.HALF_UP)
                                        .toPlainString()).append('\t');
                    }
                    if (bid.walletAddress() == null) {
                        rows.append("\\N");
                    } else {
                        escaped(rows, bid.walletAddress());
                    }
                    rows.append('\n');
                    if (rows.length() > 1 << 16 || i == bids.size() - 1) {
                        byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
                        copy.writeToCopy(bytes, 0, bytes.length);
                        rows.setLength(0);
                    }
                }
                copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        });
    }

    private static StringBuilder field(StringBuilder rows, String value) {
        return escaped(rows, value).append('\t');
    }

    /** A text value in COPY's text format: backslash, tab, newline and carriage return escaped. */
    private static StringBuilder escaped(StringBuilder rows, String value) {
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '\\' -> rows.append("\\\\");
                case '\t' -> rows.append("\\t");
                case '\n' -> rows.append("\\n");
                case '\r' -> rows.append("\\r");
                default -> rows.append(ch);
            }
        }
        return rows;
    }

    /** Auctions closed but not cleared (a crash between the two): cleared by the sweep. */
    public List<String> pending() {
        return QuarkusTransaction.requiringNew().call(() -> auctions.list("status", AuctionStatus.CLOSED).stream()
                .map(a -> a.auctionId).toList());
    }
}
