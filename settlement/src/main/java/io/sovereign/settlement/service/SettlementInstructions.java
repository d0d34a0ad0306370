package io.sovereign.settlement.service;

import io.sovereign.events.AllocationsPublished;
import io.sovereign.events.AuctionResultsPublished;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.hibernate.Session;

/** One settlement instruction per allocation with a non-zero award, and their read side. */
@ApplicationScoped
public class SettlementInstructions {

    /** Instruction states; CASH_DEBITED is internal (cash booked, bond not minted yet) and shows as PENDING. */
    public enum Status { PENDING, CASH_DEBITED, SETTLED, FAILED }

    /** An instruction as GET /api/v1/settlements shows it. */
    public record Instruction(String allocationId, String auctionId, String isin, String investorId, String walletAddress,
            long amount, BigDecimal cashAmount, Status status, String reason, String txHash) {
    }

    private static final int INSERT_BATCH = 1_000;

    private final EntityManager em;

    public SettlementInstructions(EntityManager em) {
        this.em = em;
    }

    /**
     * Creates the instructions of some of a published auction's allocations (verified beforehand;
     * an allocation already instructed creates nothing twice), in JDBC batches: a large auction's
     * tens of thousands of rows go in a few round trips.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int create(AuctionResultsPublished published, List<AllocationsPublished.Allocation> allocations) {
        Timestamp now = Timestamp.from(Instant.now());
        int[] created = new int[1];
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into settlement_instruction (allocation_id, auction_id, "
                    + "isin, investor_id, wallet_address, amount, cash_amount, status, created_at, updated_at) "
                    + "values (?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?) on conflict (allocation_id) do nothing")) {
                int pending = 0;
                for (AllocationsPublished.Allocation a : allocations) {
                    if (a.accepted() <= 0) {
                        continue;
                    }
                    ps.setString(1, a.allocationId());
                    ps.setString(2, published.auctionId());
                    ps.setString(3, published.isin());
                    ps.setString(4, a.bidderId());
                    ps.setString(5, a.walletAddress());
                    ps.setLong(6, a.accepted());
                    ps.setBigDecimal(7, a.settlementAmount());
                    ps.setTimestamp(8, now);
                    ps.setTimestamp(9, now);
                    ps.addBatch();
                    if (++pending == INSERT_BATCH) {
                        created[0] += inserted(ps.executeBatch());
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    created[0] += inserted(ps.executeBatch());
                }
            }
        });
        return created[0];
    }

    private static int inserted(int[] counts) {
        int n = 0;
        for (int c : counts) {
            n += c == Statement.SUCCESS_NO_INFO ? 1 : c;
        }
        return n;
    }

    /** How many instructions an auction has. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long count(String auctionId) {
        return ((Number) em.createNativeQuery("select count(*) from settlement_instruction where auction_id = ?1")
                .setParameter(1, auctionId).getSingleResult()).longValue();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Instruction> list(String auctionId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select allocation_id, auction_id, isin, investor_id, wallet_address, amount, "
                + "cash_amount, status, reason, tx_hash from settlement_instruction "
                + "where (cast(?1 as varchar) is null or auction_id = ?1) order by created_at, allocation_id")
                .setParameter(1, auctionId).getResultList();
        return rows.stream().map(r -> new Instruction((String) r[0], (String) r[1], (String) r[2], (String) r[3],
                (String) r[4], ((Number) r[5]).longValue(), (BigDecimal) r[6], Status.valueOf((String) r[7]),
                (String) r[8], (String) r[9])).toList();
    }
}
