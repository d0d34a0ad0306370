package io.sovereign.settlement.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.sovereign.events.AllocationsDigest;
import io.sovereign.events.AllocationsPublished;
import io.sovereign.events.AuctionResultsPublished;
import io.sovereign.events.CloudEvent;
import io.sovereign.events.EventCodec;
import io.sovereign.events.PlatformEvent;
import io.sovereign.settlement.repository.Security;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Published auctions as they reach settlement: the results and the allocation chunks are stored
 * as they arrive (in any order, any number of times: idempotent by auction and chunk number), and
 * the instructions are created once, only when the results and every chunk are here and the
 * assembled allocations match what auction-core says it published ({@link #verifyAndBook}).
 * Until an auction is booked, a delivery whose content differs from what is stored replaces it
 * and reopens the check, so forged events rejected first do not keep the genuine ones out.
 */
@ApplicationScoped
public class Publications {

    private static final Logger LOG = Logger.getLogger(Publications.class);

    /** Where a publication stands in settlement. */
    public enum Status { RECEIVED, BOOKED, REJECTED }

    /** What settlement holds of an auction's publication (GET /api/v1/settlements/publications/{id}). */
    public record View(String auctionId, Status status, int allocationCount, int chunkCount, int chunksReceived,
            long instructions, String reason, Instant receivedAt, Instant bookedAt) {
    }

    /** What auction-core answers about the auction: its publication's size and digest, or why none. */
    public sealed interface Expected permits Expected.Published, Expected.NotPublished {
        record Published(int allocationCount, String allocationsDigest) implements Expected {
        }

        record NotPublished(String reason) implements Expected {
        }
    }

    private final EntityManager em;
    private final SettlementInstructions instructions;
    private final ChainTasks tasks;
    private final MeterRegistry metrics;

    public Publications(EntityManager em, SettlementInstructions instructions, ChainTasks tasks, MeterRegistry metrics) {
        this.em = em;
        this.instructions = instructions;
        this.tasks = tasks;
        this.metrics = metrics;
    }

    /** The results header arrived (inside the inbox transaction). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void resultsReceived(CloudEvent<PlatformEvent> event, AuctionResultsPublished results) {
        Optional<Object[]> stored = lock(results.auctionId());
        Timestamp now = Timestamp.from(Instant.now());
        if (stored.isEmpty()) {
            em.createNativeQuery("insert into auction_publication (auction_id, results, chunk_count, allocation_count, "
                    + "status, received_at, updated_at) values (?1, ?2, ?3, ?4, 'RECEIVED', ?5, ?5)")
                    .setParameter(1, results.auctionId()).setParameter(2, EventCodec.write(event))
                    .setParameter(3, results.chunkCount()).setParameter(4, results.allocationCount())
                    .setParameter(5, now).executeUpdate();
            LOG.infof("Auction %s published: results received, %d allocation(s) in %d chunk(s) to come",
                    results.auctionId(), results.allocationCount(), results.chunkCount());
            return;
        }
        if (EventCodec.read((String) stored.get()[1]).data().equals(results)) {
            return; // the same results again (another event id): nothing new
        }
        if (Status.valueOf((String) stored.get()[0]) == Status.BOOKED) {
            conflictAfterBooking(results.auctionId(), "results");
            return;
        }
        em.createNativeQuery("update auction_publication set results = ?2, chunk_count = ?3, allocation_count = ?4, "
                + "status = 'RECEIVED', reason = null, version = version + 1, updated_at = ?5 where auction_id = ?1")
                .setParameter(1, results.auctionId()).setParameter(2, EventCodec.write(event))
                .setParameter(3, results.chunkCount()).setParameter(4, results.allocationCount())
                .setParameter(5, now).executeUpdate();
        LOG.warnf("Auction %s: results received again with other content; they replace the stored ones and are checked",
                results.auctionId());
    }

    /** A chunk of allocations arrived (inside the inbox transaction). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void chunkReceived(CloudEvent<PlatformEvent> event, AllocationsPublished chunk) {
        Optional<Object[]> publication = lock(chunk.auctionId());
        @SuppressWarnings("unchecked")
        List<String> stored = em.createNativeQuery("select event from allocation_chunk where auction_id = ?1 and chunk = ?2")
                .setParameter(1, chunk.auctionId()).setParameter(2, chunk.chunk()).getResultList();
        if (!stored.isEmpty() && EventCodec.read(stored.get(0)).data().equals(chunk)) {
            return;
        }
        if (!stored.isEmpty() && publication.isPresent() && Status.valueOf((String) publication.get()[0]) == Status.BOOKED) {
            conflictAfterBooking(chunk.auctionId(), "chunk " + chunk.chunk());
            return;
        }
        em.createNativeQuery("insert into allocation_chunk (auction_id, chunk, chunk_count, event, received_at) "
                + "values (?1, ?2, ?3, ?4, ?5) on conflict (auction_id, chunk) do update set chunk_count = excluded.chunk_count, "
                + "event = excluded.event, received_at = excluded.received_at")
                .setParameter(1, chunk.auctionId()).setParameter(2, chunk.chunk()).setParameter(3, chunk.chunkCount())
                .setParameter(4, EventCodec.write(event)).setParameter(5, Timestamp.from(Instant.now())).executeUpdate();
        if (!stored.isEmpty()) {
            LOG.warnf("Auction %s: chunk %d received again with other content; it replaces the stored one and is checked",
                    chunk.auctionId(), chunk.chunk());
        }
        if (publication.isPresent()) {
            // a chunk reopens a rejected check: the delivery may be the genuine one after a forgery
            em.createNativeQuery("update auction_publication set status = 'RECEIVED', reason = null, version = version + 1, "
                    + "updated_at = ?2 where auction_id = ?1 and status <> 'BOOKED'").setParameter(1, chunk.auctionId())
                    .setParameter(2, Timestamp.from(Instant.now())).executeUpdate();
        }
    }

    /** Auctions whose results and every chunk are here, not booked nor rejected yet: to check now. */
    @Transactional
    public List<String> complete() {
        @SuppressWarnings("unchecked")
        List<String> ids = em.createNativeQuery("select p.auction_id from auction_publication p where p.status = 'RECEIVED' "
                + "and p.chunk_count = (select count(*) from allocation_chunk c where c.auction_id = p.auction_id "
                + "and c.chunk <= p.chunk_count and c.chunk_count = p.chunk_count) order by p.received_at").getResultList();
        return ids;
    }

    /**
     * Checks the assembled allocations of a complete publication against what auction-core
     * published and, if they match, creates the instructions (and, for a new note or bond, sets the
     * coupon so its token can be deployed), all in one transaction; otherwise marks it REJECTED
     * and books nothing.
     *
     * @return the resulting status, empty if the publication was not waiting for a check
     */
    @Transactional
    public Optional<Status> verifyAndBook(String auctionId, Expected expected) {
        Optional<Object[]> row = lock(auctionId);
        if (row.isEmpty() || Status.valueOf((String) row.get()[0]) != Status.RECEIVED) {
            return Optional.empty(); // another replica did it, or it changed meanwhile
        }
        AuctionResultsPublished results = (AuctionResultsPublished) EventCodec.read((String) row.get()[1]).data();
        if (chunksHeld(auctionId, results.chunkCount()) != results.chunkCount()) {
            return Optional.empty();
        }
        // one chunk in memory at a time (a 100,000-bid auction is some 40 MB of JSON): the digest's lines, then the rows
        List<AllocationsDigest.Line> lines = new ArrayList<>(Math.max(results.allocationCount(), 0));
        for (int c = 1; c <= results.chunkCount(); c++) {
            for (AllocationsPublished.Allocation a : chunk(auctionId, c).allocations()) {
                lines.add(AllocationsDigest.Line.of(a));
            }
        }
        String digest = AllocationsDigest.of(auctionId, results.isin(), results.couponRate(), lines);
        String refusal = refusal(expected, results, lines.size(), digest);
        Timestamp now = Timestamp.from(Instant.now());
        if (refusal != null) {
            em.createNativeQuery("update auction_publication set status = 'REJECTED', reason = ?2, updated_at = ?3 "
                    + "where auction_id = ?1").setParameter(1, auctionId).setParameter(2, truncate(refusal))
                    .setParameter(3, now).executeUpdate();
            metrics.counter("settlement.results.rejected").increment();
            LOG.errorf("Auction %s: published allocations REJECTED, nothing booked: %s", auctionId, refusal);
            return Optional.of(Status.REJECTED);
        }
        couponSet(results);
        int created = 0;
        for (int c = 1; c <= results.chunkCount(); c++) {
            created += instructions.create(results, chunk(auctionId, c).allocations());
        }
        em.createNativeQuery("update auction_publication set status = 'BOOKED', reason = null, booked_at = ?2, "
                + "updated_at = ?2 where auction_id = ?1").setParameter(1, auctionId).setParameter(2, now).executeUpdate();
        metrics.counter("settlement.results.booked").increment();
        LOG.infof("Auction %s published: %d allocation(s) in %d chunk(s) match auction-core's digest; %d settlement "
                + "instruction(s)", auctionId, lines.size(), results.chunkCount(), created);
        return Optional.of(Status.BOOKED);
    }

    /** What settlement holds of an auction's publication; empty if nothing of it arrived. */
    @Transactional
    public Optional<View> view(String auctionId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select status, allocation_count, chunk_count, reason, received_at, "
                + "booked_at from auction_publication where auction_id = ?1").setParameter(1, auctionId).getResultList();
        long chunks = ((Number) em.createNativeQuery("select count(*) from allocation_chunk where auction_id = ?1")
                .setParameter(1, auctionId).getSingleResult()).longValue();
        if (rows.isEmpty()) {
            return chunks == 0 ? Optional.empty()
                    : Optional.of(new View(auctionId, Status.RECEIVED, 0, 0, (int) chunks, 0, "results not received yet",
                            null, null));
        }
        Object[] r = rows.get(0);
        return Optional.of(new View(auctionId, Status.valueOf((String) r[0]), ((Number) r[1]).intValue(),
                ((Number) r[2]).intValue(), (int) chunks, instructions.count(auctionId), (String) r[3],
                Timestamps.instant(r[4]), r[5] == null ? null : Timestamps.instant(r[5])));
    }

    /** Why the assembled allocations are not what auction-core published; null if they are. */
    private static String refusal(Expected expected, AuctionResultsPublished results, int held, String digest) {
        if (expected instanceof Expected.NotPublished n) {
            return n.reason();
        }
        Expected.Published p = (Expected.Published) expected;
        if (held != results.allocationCount()) {
            return "the results announce " + results.allocationCount() + " allocation(s), the chunks hold " + held;
        }
        if (p.allocationCount() != held) {
            return "auction-core published " + p.allocationCount() + " allocation(s), the chunks hold " + held;
        }
        if (!p.allocationsDigest().equals(digest)) {
            return "the allocations' digest " + digest + " is not auction-core's " + p.allocationsDigest();
        }
        return null;
    }

    private Optional<Object[]> lock(String auctionId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select status, results from auction_publication where auction_id = ?1 "
                + "for update").setParameter(1, auctionId).getResultList();
        return rows.stream().findFirst();
    }

    private int chunksHeld(String auctionId, int chunkCount) {
        return ((Number) em.createNativeQuery("select count(*) from allocation_chunk where auction_id = ?1 "
                + "and chunk <= ?2 and chunk_count = ?2").setParameter(1, auctionId).setParameter(2, chunkCount)
                .getSingleResult()).intValue();
    }

    private AllocationsPublished chunk(String auctionId, int chunk) {
        String json = (String) em.createNativeQuery("select event from allocation_chunk where auction_id = ?1 and chunk = ?2")
                .setParameter(1, auctionId).setParameter(2, chunk).getSingleResult();
        return (AllocationsPublished) EventCodec.read(json).data();
    }

    private void conflictAfterBooking(String auctionId, String what) {
        metrics.counter("settlement.results.conflicting").increment();
        LOG.errorf("Auction %s is booked; its %s received again with other content are ignored", auctionId, what);
    }

    private static String truncate(String s) {
        return s.length() <= 1000 ? s : s.substring(0, 1000);
    }

    /** The results of a new note or bond set its coupon: now its token can be deployed. */
    private void couponSet(AuctionResultsPublished published) {
        Security s = Security.findById(published.isin());
        if (s == null) {
            // the announcement comes first on the same partition; a security is never lost for it
            s = new Security();
            s.isin = published.isin();
            s.auctionId = published.auctionId();
            s.securityType = published.securityType();
            s.issueDate = published.issueDate();
            s.maturityDate = published.maturityDate();
            s.registeredAt = Instant.now();
            s.persist();
        }
        if (s.couponRate == null && published.couponRate() != null) {
            s.couponRate = published.couponRate();
        }
        if (s.tokenAddress == null && BondTokens.terms(s).isPresent()) {
            tasks.request(ChainTasks.DEPLOY_TOKEN, s.isin);
        }
    }
}
