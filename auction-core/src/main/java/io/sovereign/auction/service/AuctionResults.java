package io.sovereign.auction.service;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.sovereign.auction.audit.AuditLog;
import io.sovereign.auction.domain.AuctionStatus;
import io.sovereign.auction.domain.BidBasis;
import io.sovereign.auction.repository.Auction;
import io.sovereign.auction.repository.AuctionRepository;
import io.sovereign.events.AllocationChunks;
import io.sovereign.events.AllocationsDigest;
import io.sovereign.events.AllocationsPublished;
import io.sovereign.events.AuctionResultsPublished;
import io.sovereign.kit.outbox.Outbox;
import io.sovereign.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;

/**
 * The read side of a cleared auction and its publication: results (with or without the
 * allocations, by role and status), the live book, a bidder's own awards, and the supervisor's
 * publish, which sends every allocation to settlement through the outbox: the results, then the
 * allocations in chunks small enough for any Kafka record limit.
 */
@ApplicationScoped
public class AuctionResults {

    private static final JsonFactory JSON_FACTORY = new JsonFactory();

    private final AuctionRepository auctions;
    private final EntityManager em;
    private final Outbox outbox;
    private final AuditLog audit;
    private final Clock clock;
    private final ObjectMapper json;

    public AuctionResults(AuctionRepository auctions, EntityManager em, Outbox outbox, AuditLog audit, Clock clock,
            ObjectMapper json) {
        this.auctions = auctions;
        this.em = em;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
        this.json = json;
    }

    /** Who asks for results: what they may see follows from these. */
    /** Who reads the results: the desk (or supervisor), an auditor, or else a bidder by its bidder id. */
    public record Viewer(boolean deskOrSupervisor, boolean auditor, String bidderId) {

        /**
         * The receipt heads this viewer may see: every bidder's for the desk and auditors, a bidder's
         * own only for anyone else (the list of who bid, and how often, stays confidential like the awards).
         */
        List<ReceiptHead> visible(List<ReceiptHead> heads) {
            return deskOrSupervisor || auditor ? heads : heads.stream().filter(h -> h.bidderId().equals(bidderId)).toList();
        }
    }

    /** One allocation as stored. */
    public record StoredAllocation(String allocationId, String auctionId, String bidId, String bidderId, String kind,
            long accepted, BigDecimal price, BigDecimal accruedInterest, BigDecimal settlementAmount,
            String walletAddress) {
    }

    /** The head of one bidder's receipt chain in an auction: its last receipt and how many bids it covers. */
    public record ReceiptHead(String bidderId, String lastReceipt, long bids) {
    }

    /** One level of the book: the amount bid at a rate (or price) and the cumulative amount up to it. */
    public record BookLevel(BigDecimal value, long amount, long cumulative) {
    }

    /** The live book (competitive levels best first) and its totals. */
    public record Book(String auctionId, BidBasis basis, long offeringAmount, long totalTendered, long nonCompetitive,
            BigDecimal cover, List<BookLevel> levels) {
    }

    /** A results document, written as JSON when the response is sent. */
    @FunctionalInterface
    public interface Document {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * The results the viewer may see: desk and supervisor once ALLOCATED (with allocations); after
     * publication everyone (allocations only for desk, supervisor and auditor, who also get the
     * publication's {@code allocationCount} and {@code allocationsDigest} computed from this
     * database: settlement checks what it received against them). 404 for anyone else before
     * publication, so nobody learns more than that the auction exists.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public Document results(String auctionId, Viewer viewer) {
        Auction a = auction(auctionId);
        boolean published = a.status == AuctionStatus.PUBLISHED;
        if (!published && !viewer.deskOrSupervisor()) {
            throw ProblemException.notFound("No published results for auction " + auctionId);
        }
        if (a.status != AuctionStatus.ALLOCATED && !published) {
            throw ProblemException.conflict("Auction " + auctionId + " is " + a.status + "; results exist once it is cleared");
        }
        boolean withAllocations = viewer.deskOrSupervisor() || published && viewer.auditor();
        ObjectNode summary = summary(auctionId);
        List<StoredAllocation> allocations = withAllocations ? allocations(auctionId, null) : null;
        Publication publication = published && withAllocations ? publication(a, coupon(a, summary), allocations) : null;
        return document(a, summary, publication, withAllocations ? allocations : null,
                published ? viewer.visible(receiptHeads(auctionId)) : null);
    }

    /** What settlement verifies a publication by: how many allocations and their digest. */
    private record Publication(Instant publishedAt, int allocationCount, String allocationsDigest) {
    }

    private static Publication publication(Auction a, BigDecimal coupon, List<StoredAllocation> allocations) {
        return new Publication(a.publishedAt, allocations.size(), AllocationsDigest.of(a.auctionId, a.isin, coupon, allocations.stream()
                .map(x -> new AllocationsDigest.Line(x.allocationId(), x.bidderId(), x.accepted(), x.price(),
                        x.settlementAmount(), x.walletAddress())).toList()));
    }

    /** The coupon the results set (a new note or bond), else the auction's own (a reopening; none for a bill). */
    private static BigDecimal coupon(Auction a, ObjectNode summary) {
        return summary.path("couponRate").isTextual() ? new BigDecimal(summary.path("couponRate").asText()) : a.couponRate;
    }

    /**
     * Publishes the results (four eyes: never by the auction's creator). 409 unless ALLOCATED with
     * a stop-out. AuctionResultsPublished and the AllocationsPublished chunks carrying every
     * allocation go to the outbox in the same transaction.
     */
    public Document publish(String auctionId, String supervisor) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Auction a = auctions.findById(auctionId, LockModeType.PESSIMISTIC_WRITE);
            if (a == null) {
                throw ProblemException.notFound("No auction " + auctionId);
            }
            if (supervisor.equals(a.createdBy)) {
                throw ProblemException.forbidden("Four eyes: you created auction " + auctionId
                        + ", so another auction-supervisor must publish its results");
            }
            if (a.status != AuctionStatus.ALLOCATED) {
                throw ProblemException.conflict("Auction " + auctionId + " is " + a.status
                        + "; only an allocated auction can be published");
            }
            Object[] result = (Object[]) em.createNativeQuery("select stop_out, summary from auction_result where auction_id = ?1")
                    .setParameter(1, auctionId).getSingleResult();
            if (!(Boolean) result[0]) {
                throw ProblemException.conflict("The clearing of auction " + auctionId + " found no stop-out (no competitive "
                        + "bid was awarded); such results cannot be published");
            }
            // to the microsecond, as PostgreSQL keeps it: the answer, the event and later reads agree
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            a.status = AuctionStatus.PUBLISHED;
            a.publishedAt = now;
            a.publishedBy = supervisor;
            List<StoredAllocation> allocations = allocations(auctionId, null);
            ObjectNode summary = (ObjectNode) json.readTree((String) result[1]);
            BigDecimal coupon = coupon(a, summary);
            List<AllocationsPublished> chunks = AllocationChunks.of(auctionId, allocations.stream()
                    .map(x -> new AllocationsPublished.Allocation(x.allocationId(), x.auctionId(), a.isin, x.bidId(),
                            x.bidderId(), x.kind(), x.accepted(), x.price(), x.accruedInterest(), x.settlementAmount(),
                            a.issueDate, x.walletAddress())).toList());
            // the header first, then the chunks: one key, so one partition and this order on it
            outbox.publish(event(a, coupon, now, allocations.size(), chunks.size()));
            chunks.forEach(outbox::publish);
            audit.record(auctionId, now, supervisor, AuditLog.Action.PUBLISHED, allocations.stream()
                    .filter(x -> x.accepted() > 0).count() + " allocation(s) sent to settlement in " + chunks.size()
                    + " chunk(s)");
            return document(a, summary, publication(a, coupon, allocations), allocations, receiptHeads(auctionId));
        });
    }

    private AuctionResultsPublished event(Auction a, BigDecimal coupon, Instant now, int allocationCount, int chunkCount) {
        BigDecimal accrued = (BigDecimal) em.createNativeQuery("select accrued_per_100 from auction_result where auction_id = ?1")
                .setParameter(1, a.auctionId).getSingleResult();
        return new AuctionResultsPublished(a.auctionId, a.isin, a.securityType.name(), a.issueDate, a.maturityDate,
                a.datedDate, coupon, accrued.setScale(6, RoundingMode.UNNECESSARY), now, a.publishedBy, allocationCount,
                chunkCount);
    }

    /** The caller's own awards, once published (409 before). */
    @Transactional(Transactional.TxType.REQUIRED)
    public List<StoredAllocation> awardsOf(String auctionId, String bidderId) {
        Auction a = auction(auctionId);
        if (a.status != AuctionStatus.PUBLISHED) {
            throw ProblemException.conflict("Auction " + auctionId + " is " + a.status + "; awards are known once it is published");
        }
        return allocations(auctionId, bidderId);
    }

    /** The aggregated demand: competitive amounts per level, best first, with cumulative amounts. */
    @Transactional(Transactional.TxType.REQUIRED)
    public Book book(String auctionId) {
        Auction a = auction(auctionId);
        boolean onPrice = a.bidBasis == BidBasis.PRICE;
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select b.kind, b.bid_value, sum(b.amount) from bid b "
                + "where b.auction_id = ?1 and not exists (select 1 from bid_withdrawal w where w.bid_id = b.bid_id) "
                + "group by b.kind, b.bid_value order by b.bid_value " + (onPrice ? "desc" : "asc"))
                .setParameter(1, auctionId).getResultList();
        List<BookLevel> levels = new ArrayList<>();
        long cumulative = 0;
        long nonCompetitive = 0;
        int scale = onPrice ? 6 : 3;
        for (Object[] r : rows) {
            long amount = ((Number) r[2]).longValue();
            if ("NONCOMPETITIVE".equals(r[0])) {
                nonCompetitive += amount;
                continue;
            }
            cumulative += amount;
            levels.add(new BookLevel(((BigDecimal) r[1]).setScale(scale, RoundingMode.UNNECESSARY), amount, cumulative));
        }
        long total = cumulative + nonCompetitive;
        BigDecimal cover = BigDecimal.valueOf(total).divide(BigDecimal.valueOf(a.offeringAmount), 2, RoundingMode.HALF_UP);
        return new Book(auctionId, a.bidBasis, a.offeringAmount, total, nonCompetitive, cover, levels);
    }

    private Auction auction(String auctionId) {
        Auction a = auctions.findById(auctionId);
        if (a == null) {
            throw ProblemException.notFound("No auction " + auctionId);
        }
        return a;
    }

    private ObjectNode summary(String auctionId) {
        String text = (String) em.createNativeQuery("select summary from auction_result where auction_id = ?1")
                .setParameter(1, auctionId).getSingleResult();
        try {
            return (ObjectNode) json.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The auction's allocations in bid order, all of them or one bidder's. */
    private List<StoredAllocation> allocations(String auctionId, String bidderId) {
        List<StoredAllocation> list = new ArrayList<>();
        em.unwrap(Session.class).doWork(c -> {
            // one bidder's through bid's (auction_id, bidder_id) index, then allocation's key
            String columns = "select al.allocation_id, al.auction_id, al.bid_id, al.bidder_id, al.kind, al.accepted, "
                    + "al.price, al.accrued_interest, al.settlement_amount, al.wallet_address from allocation al ";
            try (PreparedStatement ps = c.prepareStatement(bidderId == null
                    ? columns + "where al.auction_id = ? order by al.bid_seq"
                    : columns + "join bid b on b.auction_id = al.auction_id and b.seq = al.bid_seq "
                            + "where b.auction_id = ? and b.bidder_id = ? order by b.seq")) {
                ps.setString(1, auctionId);
                if (bidderId != null) {
                    ps.setString(2, bidderId);
                }
                ps.setFetchSize(10_000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        list.add(new StoredAllocation(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getLong(6), rs.getBigDecimal(7), rs.getBigDecimal(8),
                                rs.getBigDecimal(9), rs.getString(10)));
                    }
                }
            }
        });
        return list;
    }

    /**
     * Every bidder's receipt chain head, by bidder id: published with the results so that each
     * bidder can show its chain, recomputed from its own bids, ends where the platform says it does
     * (none of its bids left out, none added).
     */
    public List<ReceiptHead> receiptHeads(String auctionId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select bidder_id, receipt_head, receipt_bids from bidder_position "
                + "where auction_id = ?1 and receipt_bids > 0 order by bidder_id").setParameter(1, auctionId).getResultList();
        return rows.stream().map(r -> new ReceiptHead((String) r[0], ((String) r[1]).trim(), ((Number) r[2]).longValue()))
                .toList();
    }

    /**
     * auctionId, status, the statistics, once published publishedAt, allocationCount and allocationsDigest, then
     * (if given) the allocations in the simulation's shape plus their ids, then (if given) the receipt chain heads.
     */
    private static Document document(Auction a, ObjectNode summary, Publication publication,
            List<StoredAllocation> allocations, List<ReceiptHead> receiptHeads) {
        String auctionId = a.auctionId;
        String status = a.status.name();
        return out -> {
            try (JsonGenerator g = JSON_FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
                g.setCodec(new ObjectMapper());
                g.writeStartObject();
                g.writeStringField("auctionId", auctionId);
                g.writeStringField("status", status);
                for (Iterator<Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>> it = summary.fields(); it.hasNext();) {
                    var f = it.next();
                    g.writeFieldName(f.getKey());
                    g.writeTree(f.getValue());
                }
                if (publication != null) {
                    g.writeStringField("publishedAt", publication.publishedAt().toString());
                    g.writeNumberField("allocationCount", publication.allocationCount());
                    g.writeStringField("allocationsDigest", publication.allocationsDigest());
                }
                if (allocations != null) {
                    g.writeArrayFieldStart("allocations");
                    for (StoredAllocation x : allocations) {
                        g.writeStartObject();
                        g.writeStringField("allocationId", x.allocationId());
                        g.writeStringField("bidId", x.bidId());
                        g.writeStringField("bidderId", x.bidderId());
                        g.writeStringField("kind", x.kind());
                        g.writeNumberField("accepted", x.accepted());
                        if (x.price() != null) {
                            g.writeStringField("price", x.price().setScale(6, RoundingMode.UNNECESSARY).toPlainString());
                        }
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                }
                if (receiptHeads != null) {
                    g.writeArrayFieldStart("receiptHeads");
                    for (ReceiptHead h : receiptHeads) {
                        g.writeStartObject();
                        g.writeStringField("bidderId", h.bidderId());
                        g.writeStringField("lastReceipt", h.lastReceipt());
                        g.writeNumberField("bids", h.bids());
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                }
                g.writeEndObject();
            }
        };
    }
}
