package io.sovereign.auction.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * Who did what to an auction and when: every bid, withdrawal and state change, written in the
 * transaction of the change itself (an entry exists exactly when its change does).
 */
@ApplicationScoped
public class AuditLog {

    /** Audit actions. */
    public enum Action { ANNOUNCED, OPENED, BID_SUBMITTED, BID_WITHDRAWN, CLOSED, ALLOCATED, PUBLISHED, CANCELLED }

    /** The actor of what the platform does by itself (opening and closing on schedule, clearing). */
    public static final String SYSTEM = "system";

    /** One entry as GET /api/v1/auctions/{id}/audit shows it. */
    public record Entry(long auditId, String auctionId, Instant at, String actor, Action action, String detail) {
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

    /** Adds an entry to a JDBC batch (the bid intake writes its entries with its bids). */
    public static PreparedStatement batch(Connection c) throws SQLException {
        return c.prepareStatement("insert into audit_entry (auction_id, at, actor, action, detail) values (?, ?, ?, ?, ?)");
    }

    public static void add(PreparedStatement batch, String auctionId, Instant at, String actor, Action action,
            String detail) throws SQLException {
        batch.setString(1, auctionId);
        batch.setTimestamp(2, Timestamp.from(at));
        batch.setString(3, actor);
        batch.setString(4, action.name());
        batch.setString(5, detail);
        batch.addBatch();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Entry> entries(String auctionId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select audit_id, auction_id, at, actor, action, detail "
                + "from audit_entry where auction_id = ?1 order by audit_id").setParameter(1, auctionId).getResultList();
        return rows.stream().map(r -> new Entry(((Number) r[0]).longValue(), (String) r[1], instant(r[2]),
                (String) r[3], Action.valueOf((String) r[4]), (String) r[5])).toList();
    }

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
