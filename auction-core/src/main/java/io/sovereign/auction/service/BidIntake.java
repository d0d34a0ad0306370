package io.sovereign.auction.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.sovereign.auction.domain.AuctionStatus;
import io.sovereign.auction.domain.ReceiptChain;
import io.sovereign.auction.domain.clearing.BidBook;
import io.sovereign.auction.domain.clearing.BidError;
import io.sovereign.auction.domain.clearing.BidKind;
import io.sovereign.auction.domain.clearing.BidValidator;
import io.sovereign.auction.domain.clearing.ClearingTerms;
import io.sovereign.auction.repository.Auction;
import io.sovereign.kit.idempotency.Idempotency;
import io.sovereign.kit.problem.Problem;
import io.sovereign.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import io.sovereign.auction.config.AuctionConfig;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * Takes bids into the book. Requests are queued and written by one writer thread in batches: one
 * transaction per auction and batch locks the auction row, checks every bid (its Idempotency-Key,
 * the bidder's standing: not disabled, investor record APPROVED; deadline on its receipt instant,
 * terms, the bidder's position), extends each bidder's receipt chain, and writes the bids (each bid
 * row carries its key; the audit log reads submissions from it) and the bidders' positions with
 * their chain heads. A bid's future completes only after
 * that transaction has committed, so a 201 always names a durable bid; if the commit fails, every
 * bid of the batch is answered 503 and none is stored. The close takes the same row lock, so a bid
 * is either in the book the clearing reads or refused.
 */
@ApplicationScoped
public class BidIntake {

    private static final Logger LOG = Logger.getLogger(BidIntake.class);
    private static final BigDecimal MAX_VALUE = new BigDecimal("1000");

    /**
     * A bid as its bidder sent it, unchecked (a bid at or after its deadline gets 409 whatever it
     * contains, so its content is checked only once it is known to be in time).
     */
    public record BidRequest(BidKind kind, BigDecimal rate, BigDecimal price, Long amount, Long netLongPosition) {

        /** What an Idempotency-Key is compared on. */
        String canonical() {
            return kind + "|" + plain(rate) + "|" + plain(price) + "|" + amount + "|" + netLongPosition;
        }

        private static String plain(BigDecimal d) {
            return d == null ? "" : d.toPlainString();
        }

        long netLong() {
            return netLongPosition == null ? 0 : netLongPosition;
        }
    }

    /** Who bids: a dealer, or a retail investor with the wallet the award is delivered to. */
    public record Bidder(String bidderId, boolean retail, String walletAddress) {
    }

    /** The answer to an accepted bid (201), also what an idempotent retry gets again. */
    public record Receipt(String bidId, String auctionId, Instant receivedAt, String receipt) {
    }

    private record Submission(String auctionId, Bidder bidder, BidRequest bid, Instant receivedAt,
            Idempotency.KeyRef key, CompletableFuture<Receipt> done) {
    }

    private record Accepted(Submission s, String bidId, long seq, BigDecimal value, Receipt receipt, String requestHash) {
    }

    private final EntityManager em;
    private final int maxBatch;
    private final BlockingQueue<Submission> queue;
    /** Bids queued or being written, per auction: the close waits for those received before the deadline. */
    private final Map<String, java.util.Set<Submission>> inFlight = new java.util.concurrent.ConcurrentHashMap<>();
    private final Object drained = new Object();
    private volatile boolean accepting;
    private Thread writer;

    public BidIntake(EntityManager em, AuctionConfig config) {
        this.em = em;
        this.maxBatch = config.intake().maxBatch();
        this.queue = new ArrayBlockingQueue<>(config.intake().queue());
    }

    void onStart(@Observes StartupEvent start) {
        accepting = true;
        writer = new Thread(this::run, "bid-intake");
        writer.setDaemon(true);
        writer.start();
    }

    /** Stops taking bids and writes what is queued before the service stops. */
    void onStop(@Observes ShutdownEvent stop) throws InterruptedException {
        accepting = false;
        if (writer != null) {
            writer.join(TimeUnit.SECONDS.toMillis(10));
        }
        Submission s;
        while ((s = queue.poll()) != null) {
            s.done().completeExceptionally(unavailable());
        }
    }

    /**
     * Queues a bid received at {@code receivedAt} for {@code scope} ("bids" or "subscriptions");
     * the future completes with its receipt once it is committed, or with a problem.
     */
    public CompletableFuture<Receipt> submit(String auctionId, Bidder bidder, BidRequest bid, Instant receivedAt,
            String scope, String idempotencyKey) {
        CompletableFuture<Receipt> done = new CompletableFuture<>();
        Idempotency.KeyRef key = idempotencyKey == null ? null
                : new Idempotency.KeyRef(bidder.bidderId(), scope + ":" + auctionId, idempotencyKey);
        Submission s = new Submission(auctionId, bidder, bid, receivedAt, key, done);
        java.util.Set<Submission> pending = inFlight.computeIfAbsent(auctionId, k -> java.util.concurrent.ConcurrentHashMap.newKeySet());
        pending.add(s);
        done.whenComplete((r, e) -> {
            pending.remove(s);
            synchronized (drained) {
                drained.notifyAll();
            }
        });
        if (!accepting || !queue.offer(s)) {
            done.completeExceptionally(unavailable());
        }
        return done;
    }

    /**
     * Waits until every bid for the auction that this instance received before {@code deadline} has
     * been answered (written or refused), at most {@code max}. The close calls it first, so a bid
     * received in time is in the book even when the writer is behind. False if {@code max} ran out.
     */
    public boolean awaitDrained(String auctionId, Instant deadline, java.time.Duration max) {
        long end = System.nanoTime() + max.toNanos();
        synchronized (drained) {
            while (pendingBefore(auctionId, deadline)) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    LOG.warnf("Bids for auction %s received before %s still unanswered after %s", auctionId, deadline, max);
                    return false;
                }
                try {
                    drained.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return true;
    }

    private boolean pendingBefore(String auctionId, Instant deadline) {
        java.util.Set<Submission> pending = inFlight.get(auctionId);
        return pending != null && pending.stream().anyMatch(s -> s.receivedAt().isBefore(deadline));
    }

    private static ProblemException unavailable() {
        return new ProblemException(503, "Service unavailable",
                "The bid was not recorded; send it again (with the same Idempotency-Key)", List.of());
    }

    private void run() {
        List<Submission> batch = new ArrayList<>(maxBatch);
        while (accepting || !queue.isEmpty()) {
            try {
                Submission first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                Map<String, List<Submission>> byAuction = new LinkedHashMap<>();
                for (Submission s : batch) {
                    byAuction.computeIfAbsent(s.auctionId(), k -> new ArrayList<>()).add(s);
                }
                byAuction.values().forEach(this::writeGroup);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("Bid intake failed", e);
                batch.forEach(s -> s.done().completeExceptionally(unavailable()));
            } finally {
                batch.clear();
            }
        }
    }

    private void writeGroup(List<Submission> group) {
        Map<Submission, Object> outcome = new IdentityHashMap<>();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                outcome.clear();
                write(group, outcome);
            });
        } catch (RuntimeException e) {
            LOG.errorf(e, "A batch of %d bid(s) for auction %s could not be stored", group.size(), group.get(0).auctionId());
            group.forEach(s -> s.done().completeExceptionally(unavailable()));
            return;
        }
        for (Submission s : group) {
            Object o = outcome.get(s);
            if (o instanceof Receipt r) {
                s.done().complete(r);
            } else if (o instanceof ProblemException p) {
                s.done().completeExceptionally(p);
            } else {
                s.done().completeExceptionally(unavailable());
            }
        }
    }

    /** Running totals of one bidder's live bids in the auction, and the head of its receipt chain. */
    private static final class Position {
        long competitive;
        long nonCompetitive;
        long nonCompetitiveAmount;
        /** The bidder's last receipt in this auction (null before its first bid) and how many bids it covers. */
        String receiptHead;
        long receiptBids;
        boolean changed;
    }

    /** What the writer knows of a bidder besides its position: disabled by identity, its investor status. */
    record Standing(boolean disabled, String investorStatus) {
    }

    /** The type of the 403 for a bidder whose investor record is not APPROVED (docs/api.md). */
    public static final String INVESTOR_NOT_APPROVED = ProblemException.TYPE_BASE + "investor-not-approved";
    /** The type of the 403 for a bid written after its dealer was disabled. */
    public static final String DEALER_DISABLED = ProblemException.TYPE_BASE + "dealer-disabled";

    /** A key seen before: the hash of the bid it came with and the answer it got. */
    private record Known(String requestHash, Receipt receipt) {
    }

    private void write(List<Submission> group, Map<Submission, Object> outcome) {
        String auctionId = group.get(0).auctionId();
        Auction a = em.find(Auction.class, auctionId, LockModeType.PESSIMISTIC_WRITE);
        if (a == null) {
            group.forEach(s -> outcome.put(s, ProblemException.notFound("No auction " + auctionId)));
            return;
        }
        ClearingTerms terms = AuctionRules.clearingTerms(a);
        Map<String, Position> positions = positions(auctionId, group);
        Map<String, Standing> standings = standings(group);
        Map<Idempotency.KeyRef, Known> known = knownKeys(auctionId, group);
        List<Accepted> accepted = new ArrayList<>();
        long seq = a.bidCount;
        for (Submission s : group) {
            try {
                String requestHash = s.key() == null ? null : Idempotency.hash(s.bid().canonical());
                if (s.key() != null && known.containsKey(s.key())) {
                    Known prior = known.get(s.key());
                    if (!prior.requestHash().equals(requestHash)) {
                        throw ProblemException.keyReused("The Idempotency-Key " + s.key().key()
                                + " was used before with a different bid; use a new key for a new bid");
                    }
                    outcome.put(s, prior.receipt());
                    continue;
                }
                checkStanding(s.bidder().bidderId(), standings.get(s.bidder().bidderId()));
                checkTiming(a, s.bid().kind(), s.receivedAt());
                Position p = positions.computeIfAbsent(s.bidder().bidderId(), k -> new Position());
                BigDecimal value = checkBid(terms, a, s, p);
                String bidId = UUID.randomUUID().toString();
                String canonical = ReceiptChain.canonical(auctionId, bidId, s.bidder().bidderId(), s.bid().kind(), value,
                        s.bid().amount(), s.bid().netLong());
                String previous = p.receiptHead == null ? ReceiptChain.first(auctionId, s.bidder().bidderId()) : p.receiptHead;
                p.receiptHead = ReceiptChain.next(previous, canonical, s.receivedAt());
                p.receiptBids++;
                Receipt receipt = new Receipt(bidId, auctionId, s.receivedAt(), p.receiptHead);
                accepted.add(new Accepted(s, bidId, ++seq, value, receipt, requestHash));
                p.changed = true;
                if (s.bid().kind() == BidKind.COMPETITIVE) {
                    p.competitive++;
                } else {
                    p.nonCompetitive++;
                    p.nonCompetitiveAmount += s.bid().amount();
                }
                if (s.key() != null) {
                    known.put(s.key(), new Known(requestHash, receipt));
                }
                outcome.put(s, receipt);
            } catch (ProblemException e) {
                outcome.put(s, e);
            }
        }
        if (accepted.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(c -> {
            insertBids(c, accepted);
            savePositions(c, auctionId, positions);
        });
        a.bidCount = seq;
    }

    /**
     * 403 for a bidder identity disabled (read here, under the auction's row lock, because the
     * withdrawal of a disabled dealer's bids takes the same lock: a bid queued before it and written
     * after it is refused, never left live) and for one whose investor record is not APPROVED
     * (competitive and non-competitive bids alike, as for retail subscriptions).
     */
    static void checkStanding(String bidderId, Standing standing) {
        if (standing != null && standing.disabled()) {
            throw ProblemException.forbidden("Dealer " + bidderId + " has been disabled; it may not bid")
                    .typed(DEALER_DISABLED);
        }
        String status = standing == null ? null : standing.investorStatus();
        if (!"APPROVED".equals(status)) {
            throw ProblemException.forbidden("Only bidders whose investor record is APPROVED may bid; "
                    + (status == null ? "you have none" : "yours is " + status) + " (register it on identity, "
                    + "PUT /api/v1/investors/me, for compliance to approve)").typed(INVESTOR_NOT_APPROVED)
                    .with("investorStatus", status == null ? "NONE" : status);
        }
    }

    /** 409 for a cancelled or closed auction, a bid at or after its deadline, or before the opening. */
    static void checkTiming(Auction a, BidKind bidKind, Instant at) {
        BidKind kind = bidKind == null ? BidKind.COMPETITIVE : bidKind;
        Instant deadline = AuctionRules.deadline(a, kind);
        if (a.status == AuctionStatus.CANCELLED) {
            throw ProblemException.conflict("Auction " + a.auctionId + " was cancelled");
        }
        if (!at.isBefore(deadline)) {
            throw ProblemException.conflict((kind == BidKind.COMPETITIVE ? "Competitive" : "Non-competitive")
                    + " bidding closed at " + iso(deadline) + "; this bid was received at " + iso(at))
                    .with("receivedAt", iso(at)).with("deadline", iso(deadline));
        }
        if (a.status != AuctionStatus.ANNOUNCED && a.status != AuctionStatus.OPEN) {
            throw ProblemException.conflict("Auction " + a.auctionId + " is " + a.status + "; it takes no more bids")
                    .with("receivedAt", iso(at));
        }
        if (at.isBefore(a.biddingOpensAt)) {
            throw ProblemException.conflict("Bidding opens at " + iso(a.biddingOpensAt) + "; this bid was received at "
                    + iso(at)).with("receivedAt", iso(at)).with("opensAt", iso(a.biddingOpensAt));
        }
    }

    /** The auction's terms and the bidder's other live bids (DOMAIN.md §2.1); the value as stored. */
    private static BigDecimal checkBid(ClearingTerms terms, Auction a, Submission s, Position p) {
        BidRequest bid = s.bid();
        boolean onPrice = terms.basis() == io.sovereign.auction.domain.BidBasis.PRICE;
        String valueField = onPrice ? "price" : "rate";
        BigDecimal value = onPrice ? bid.price() : bid.rate();
        BigDecimal other = onPrice ? bid.rate() : bid.price();
        List<Problem.FieldError> errors = new ArrayList<>();
        if (bid.kind() == null) {
            errors.add(new Problem.FieldError("kind", "is required: COMPETITIVE or NONCOMPETITIVE"));
        }
        if (bid.amount() == null) {
            errors.add(new Problem.FieldError("amount", "is required"));
        }
        if (other != null) {
            errors.add(new Problem.FieldError(onPrice ? "rate" : "price", "bids in this auction carry " + valueField
                    + " (bid basis " + terms.basis() + ")"));
        }
        if (value != null && value.abs().compareTo(MAX_VALUE) >= 0) {
            errors.add(new Problem.FieldError(valueField, "must be below " + MAX_VALUE));
            value = null;
        }
        if (errors.isEmpty()) {
            BidBook one = BidBook.builder(terms.increment(), 1).add("", s.bidder().bidderId(), bid.kind(), value,
                    bid.amount(), bid.netLong()).build();
            for (BidError e : BidValidator.validate(terms, one)) {
                errors.add(new Problem.FieldError(e.field(), e.message().substring(e.message().indexOf(": ") + 2)));
            }
        }
        if (bid.kind() == BidKind.COMPETITIVE && p.nonCompetitive > 0 || bid.kind() == BidKind.NONCOMPETITIVE && p.competitive > 0) {
            errors.add(new Problem.FieldError("kind", "you already hold " + (bid.kind() == BidKind.COMPETITIVE
                    ? "non-competitive" : "competitive") + " bids in this auction; a bidder may bid only one kind"));
        }
        if (errors.isEmpty() && bid.kind() == BidKind.NONCOMPETITIVE
                && bid.amount() > a.nonCompetitiveLimit - p.nonCompetitiveAmount) {
            errors.add(new Problem.FieldError("amount", "your non-competitive bids would total "
                    + (p.nonCompetitiveAmount + bid.amount()) + ", above the limit " + a.nonCompetitiveLimit));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("The bid breaks " + errors.size() + " rule(s) of the auction; first: "
                    + errors.get(0).message(), errors);
        }
        return value == null ? null : value.setScale(terms.outputScale(), java.math.RoundingMode.UNNECESSARY);
    }

    private Map<String, Position> positions(String auctionId, List<Submission> group) {
        List<String> bidders = group.stream().map(s -> s.bidder().bidderId()).distinct().toList();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select bidder_id, competitive_bids, noncompetitive_bids, "
                + "noncompetitive_amount, receipt_head, receipt_bids from bidder_position where auction_id = :a "
                + "and bidder_id in (:bidders)")
                .setParameter("a", auctionId).setParameter("bidders", bidders).getResultList();
        Map<String, Position> positions = new HashMap<>();
        for (Object[] r : rows) {
            Position p = new Position();
            p.competitive = ((Number) r[1]).longValue();
            p.nonCompetitive = ((Number) r[2]).longValue();
            p.nonCompetitiveAmount = ((Number) r[3]).longValue();
            p.receiptHead = r[4] == null ? null : ((String) r[4]).trim();
            p.receiptBids = ((Number) r[5]).longValue();
            positions.put((String) r[0], p);
        }
        return positions;
    }

    /** The batch's bidders that identity disabled, and their investor status, in one query. */
    private Map<String, Standing> standings(List<Submission> group) {
        List<String> bidders = group.stream().map(s -> s.bidder().bidderId()).distinct().toList();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select bidder_id, 'DISABLED' from disabled_bidder where bidder_id in (:b) "
                + "union all select investor_id, kyc_status from investor_status where investor_id in (:b)")
                .setParameter("b", bidders).getResultList();
        Map<String, Standing> standings = new HashMap<>();
        for (Object[] r : rows) {
            String status = (String) r[1];
            standings.merge((String) r[0], "DISABLED".equals(status) ? new Standing(true, null) : new Standing(false, status),
                    (x, y) -> new Standing(x.disabled() || y.disabled(), x.investorStatus() != null ? x.investorStatus()
                            : y.investorStatus()));
        }
        return standings;
    }

    /** The earlier bids of this batch's keys: (bidder, key) → what was sent and answered. */
    private Map<Idempotency.KeyRef, Known> knownKeys(String auctionId, List<Submission> group) {
        List<String> keys = group.stream().filter(s -> s.key() != null).map(s -> s.key().key()).distinct().toList();
        Map<Idempotency.KeyRef, Known> known = new HashMap<>();
        if (keys.isEmpty()) {
            return known;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select bidder_id, idem_key, request_hash, bid_id, received_at, receipt, "
                + "retail from bid where auction_id = :a and idem_key in (:keys)").setParameter("a", auctionId)
                .setParameter("keys", keys).getResultList();
        for (Object[] r : rows) {
            String scope = ((Boolean) r[6] ? "subscriptions" : "bids") + ":" + auctionId;
            known.put(new Idempotency.KeyRef((String) r[0], scope, (String) r[1]), new Known((String) r[2],
                    new Receipt((String) r[3], auctionId, io.sovereign.auction.audit.AuditLog.instant(r[4]), ((String) r[5]).trim())));
        }
        return known;
    }

    private void savePositions(Connection c, String auctionId, Map<String, Position> positions) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into bidder_position (auction_id, bidder_id, competitive_bids, "
                + "noncompetitive_bids, noncompetitive_amount, receipt_head, receipt_bids) values (?, ?, ?, ?, ?, ?, ?) "
                + "on conflict (auction_id, bidder_id) do update set competitive_bids = excluded.competitive_bids, "
                + "noncompetitive_bids = excluded.noncompetitive_bids, noncompetitive_amount = excluded.noncompetitive_amount, "
                + "receipt_head = excluded.receipt_head, receipt_bids = excluded.receipt_bids")) {
            for (Map.Entry<String, Position> e : positions.entrySet()) {
                if (!e.getValue().changed) {
                    continue;
                }
                ps.setString(1, auctionId);
                ps.setString(2, e.getKey());
                ps.setLong(3, e.getValue().competitive);
                ps.setLong(4, e.getValue().nonCompetitive);
                ps.setLong(5, e.getValue().nonCompetitiveAmount);
                ps.setString(6, e.getValue().receiptHead);
                ps.setLong(7, e.getValue().receiptBids);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void insertBids(Connection c, List<Accepted> accepted) throws SQLException {
        try (PreparedStatement bids = c.prepareStatement("insert into bid (bid_id, auction_id, seq, bidder_id, kind, "
                + "bid_value, amount, net_long_position, retail, wallet_address, received_at, receipt, idem_key, request_hash) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Accepted x : accepted) {
                Submission s = x.s();
                bids.setString(1, x.bidId());
                bids.setString(2, s.auctionId());
                bids.setLong(3, x.seq());
                bids.setString(4, s.bidder().bidderId());
                bids.setString(5, s.bid().kind().name());
                if (x.value() == null) {
                    bids.setNull(6, Types.NUMERIC);
                } else {
                    bids.setBigDecimal(6, x.value());
                }
                bids.setLong(7, s.bid().amount());
                bids.setLong(8, s.bid().netLong());
                bids.setBoolean(9, s.bidder().retail());
                bids.setString(10, s.bidder().walletAddress());
                bids.setTimestamp(11, Timestamp.from(s.receivedAt()));
                bids.setString(12, x.receipt().receipt());
                bids.setString(13, s.key() == null ? null : s.key().key());
                bids.setString(14, x.requestHash());
                bids.addBatch();
            }
            bids.executeBatch();
        }
    }

    static String iso(Instant i) {
        return io.sovereign.kit.json.Instants.format(i);
    }
}
