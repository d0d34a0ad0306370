package io.sovereign.auction.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * Who did what to an auction and when: every state change and withdrawal is an entry written in
 * the transaction of the change itself (an entry exists exactly when its change does); every bid
 * submission is read from the append-only bid table, which records bidder and receipt instant.
 * Until the results are published the log is sealed (see {@link #entries(String)}): no entry
 * written here may carry a bid's rate, price or amount, only the clearing entry carries figures,
 * and it is replaced when read sealed.
 */
@ApplicationScoped
public class AuditLog {

    /** Audit actions. */
    public enum Action { ANNOUNCED, OPENED, BID_SUBMITTED, BID_WITHDRAWN, CLOSED, ALLOCATED, PUBLISHED, CANCELLED }

    /** The actor of what the platform does by itself (opening and closing on schedule, clearing). */
    public static final String SYSTEM = "system";

    /**
     * One entry as GET /api/v1/auctions/{id}/audit shows it. {@code auditId} is "bid:&lt;bidId&gt;"
     * for a submission (read from the append-only bid table) and the entry's number otherwise.
     */
    public record Entry(String auditId, String auctionId, Instant at, String actor, Action action, String detail) {
    }

    private final EntityManager em;

    public AuditLog(EntityManager em) {
        this.em = em;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String auctionId, Instant at, String actor, Action action, String detail) {
        em.createNativeQuery("insert into audit_entry (auction_id, at, actor, action, detail) values (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, auctionId).setParameter(2, at).setParameter(3, actor)
                .setParameter(4, action.name()).setParameter(5, detail).executeUpdate();
    }

    /**
     * The auction's log as the auditor may read it now: everything once the results are published;
     * before that (and for ever if the auction is cancelled) sealed: submissions and withdrawals
     * name the bidder, kind and time but no rate, price or amount, and the clearing entry carries
     * no result. Empty for an unknown auction.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Entry> entries(String auctionId) {
        @SuppressWarnings("unchecked")
        List<String> status = em.createNativeQuery("select status from auction where auction_id = ?1")
                .setParameter(1, auctionId).getResultList();
        if (status.isEmpty()) {
            return List.of();
        }
        return entries(auctionId, !"PUBLISHED".equals(status.get(0)));
    }

    /**
     * The entries, oldest first. {@code sealed}: the figures never leave the database (the bid's
     * value and amount are not selected; the clearing entry's detail is replaced).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Entry> entries(String auctionId, boolean sealed) {
        String bidDetail = sealed
                ? "'bid ' || b.bid_id || ': ' || b.kind"
                : "'bid ' || b.bid_id || ': ' || b.kind || coalesce(' at ' || cast(case when a.bid_basis = 'PRICE' "
                        + "then b.bid_value else round(b.bid_value, 3) end as varchar), '') || ' for ' || b.amount";
        String entryDetail = sealed ? "case when action = 'ALLOCATED' then '" + SEALED_CLEARING + "' else detail end" : "detail";
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select cast(audit_id as varchar), auction_id, at, actor, action, "
                + entryDetail + ", 0 as src, audit_id as n from audit_entry where auction_id = ?1 "
                + "union all select 'bid:' || b.bid_id, b.auction_id, b.received_at, b.bidder_id, 'BID_SUBMITTED', "
                + bidDetail + " || case when b.retail then ' (retail subscription)' else '' end, 1, b.seq "
                + "from bid b join auction a on a.auction_id = b.auction_id where b.auction_id = ?1 "
                + "order by 3, 7, 8").setParameter(1, auctionId).getResultList();
        return rows.stream().map(r -> new Entry((String) r[0], (String) r[1], instant(r[2]), (String) r[3],
                Action.valueOf((String) r[4]), (String) r[5])).toList();
    }

    /** The detail of the clearing entry before publication. */
    public static final String SEALED_CLEARING = "cleared; the results are sealed until they are published";

    public static Instant instant(Object o) {
        if (o instanceof Instant i) {
            return i;
        }
        if (o instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        return ((Timestamp) o).toInstant();
    }
}
