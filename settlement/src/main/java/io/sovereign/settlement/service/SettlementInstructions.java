package io.sovereign.settlement.service;

import io.sovereign.events.AuctionResultsPublished;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** One settlement instruction per allocation with a non-zero award, and their read side. */
@ApplicationScoped
public class SettlementInstructions {

    /** Instruction states; CASH_DEBITED is internal (cash booked, bond not minted yet) and shows as PENDING. */
    public enum Status { PENDING, CASH_DEBITED, SETTLED, FAILED }

    /** An instruction as GET /api/v1/settlements shows it. */
    public record Instruction(String allocationId, String auctionId, String isin, String investorId, String walletAddress,
            long amount, BigDecimal cashAmount, Status status, String reason, String txHash) {
    }

    private final EntityManager em;

    public SettlementInstructions(EntityManager em) {
        this.em = em;
    }

    /** Creates the instructions of published results (a redelivered event creates none twice). */
    @Transactional(Transactional.TxType.MANDATORY)
    public int create(AuctionResultsPublished published) {
        Instant now = Instant.now();
        int created = 0;
        for (AuctionResultsPublished.Allocation a : published.allocations()) {
            if (a.accepted() <= 0) {
                continue;
            }
            created += em.createNativeQuery("insert into settlement_instruction (allocation_id, auction_id, isin, investor_id, "
                    + "wallet_address, amount, cash_amount, status, created_at, updated_at) "
                    + "values (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'PENDING', ?8, ?8) on conflict (allocation_id) do nothing")
                    .setParameter(1, a.allocationId()).setParameter(2, published.auctionId()).setParameter(3, published.isin())
                    .setParameter(4, a.bidderId()).setParameter(5, a.walletAddress()).setParameter(6, a.accepted())
                    .setParameter(7, a.settlementAmount()).setParameter(8, now).executeUpdate();
        }
        return created;
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
