package io.sovereign.settlement.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.sovereign.events.AllocationFailed;
import io.sovereign.kit.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * The cash leg of delivery versus payment: for pending instructions, in batches, checks that the
 * investor may receive the bond (APPROVED with a wallet) and has the cash, then books the payment
 * (journal "settle:&lt;allocationId&gt;", investor → issuer) and hands the instruction to the bond
 * leg (CASH_DEBITED). Otherwise the instruction FAILS with its reason and AllocationFailed; an
 * investor that settlement's register does not know yet, or knows as PENDING, is waited for
 * ({@code sovereign.settlement.register-grace}, 5 minutes) before that, since identity's events
 * travel on their own topic and may arrive after the auction's. Rows
 * are claimed with {@code for update skip locked}, and each account is locked while its balance
 * is checked and debited, so several replicas never debit twice or overdraw.
 */
@ApplicationScoped
public class CashLeg {

    private static final Logger LOG = Logger.getLogger(CashLeg.class);
    private static final int BATCH = 500;
    /** How often an instruction waiting for its investor's approval to reach the register looks again. */
    private static final Duration REGISTER_RETRY = Duration.ofSeconds(2);

    private final EntityManager em;
    private final CashLedger ledger;
    private final InvestorRegister investors;
    private final Outbox outbox;
    private final Duration registerGrace;

    public CashLeg(EntityManager em, CashLedger ledger, InvestorRegister investors, Outbox outbox,
            @ConfigProperty(name = "sovereign.settlement.register-grace", defaultValue = "5m") Duration registerGrace) {
        this.em = em;
        this.ledger = ledger;
        this.investors = investors;
        this.outbox = outbox;
        this.registerGrace = registerGrace;
    }

    /** Runs batches until no pending instruction is left; the number handled. */
    public int run() {
        int total = 0;
        int handled;
        do {
            handled = QuarkusTransaction.requiringNew().call(this::batch);
            total += handled;
        } while (handled == BATCH);
        return total;
    }

    private int batch() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select allocation_id, auction_id, isin, investor_id, wallet_address, "
                + "amount, cash_amount, created_at from settlement_instruction where status = 'PENDING' "
                + "and (next_attempt_at is null or next_attempt_at <= ?1) order by investor_id, created_at "
                + "limit " + BATCH + " for update skip locked").setParameter(1, Instant.now()).getResultList();
        Map<String, BigDecimal> available = new HashMap<>();
        Map<String, Optional<InvestorRegister.Investor>> register = new HashMap<>();
        List<CashLedger.Journal> journals = new ArrayList<>();
        Map<String, String> debited = new LinkedHashMap<>();
        Instant now = Instant.now();
        for (Object[] r : rows) {
            String allocationId = (String) r[0];
            String auctionId = (String) r[1];
            String isin = (String) r[2];
            String investorId = (String) r[3];
            BigDecimal due = (BigDecimal) r[6];
            InvestorRegister.Investor investor = register.computeIfAbsent(investorId, investors::find).orElse(null);
            Instant createdAt = Timestamps.instant(r[7]);
            if ((investor == null || "PENDING".equals(investor.kycStatus()))
                    && createdAt.plus(registerGrace).isAfter(now)) {
                // identity's events may arrive after the auction's: the approval is likely on its way
                em.createNativeQuery("update settlement_instruction set next_attempt_at = ?2 where allocation_id = ?1")
                        .setParameter(1, allocationId).setParameter(2, now.plus(REGISTER_RETRY)).executeUpdate();
                continue;
            }
            if (investor == null || !investor.deliverable()) {
                fail(allocationId, auctionId, isin, investorId, "wallet not verified: investor " + investorId
                        + (investor == null ? " is not in the investor register" : " is " + investor.kycStatus()
                                + (investor.walletAddress() == null ? " without a wallet" : "")), now);
                continue;
            }
            String account = CashLedger.investorAccount(investorId);
            BigDecimal cash = available.computeIfAbsent(account, a -> {
                ledger.lock(a);
                return ledger.available(a);
            });
            if (cash.compareTo(due) < 0) {
                fail(allocationId, auctionId, isin, investorId, "insufficient cash: " + cash.toPlainString()
                        + " available, " + due.toPlainString() + " due", now);
                continue;
            }
            journals.add(new CashLedger.Journal("settle:" + allocationId, "SETTLEMENT", "allocation " + allocationId
                    + " of auction " + auctionId + ": " + ((Number) r[5]).longValue() + " " + isin,
                    CashLedger.transfer(account, CashLedger.issuerAccount(isin), due)));
            debited.put(allocationId, investor.walletAddress());
            available.put(account, cash.subtract(due));
        }
        if (!journals.isEmpty()) {
            // an instruction still PENDING has no journal: one found posted is booked already, never twice
            ledger.postAll(journals);
            Timestamp at = Timestamp.from(now);
            em.unwrap(Session.class).doWork(c -> {
                try (PreparedStatement ps = c.prepareStatement("update settlement_instruction set status = 'CASH_DEBITED', "
                        + "wallet_address = ?, updated_at = ? where allocation_id = ?")) {
                    for (Map.Entry<String, String> d : debited.entrySet()) {
                        ps.setString(1, d.getValue());
                        ps.setTimestamp(2, at);
                        ps.setString(3, d.getKey());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            });
        }
        return rows.size();
    }

    private void fail(String allocationId, String auctionId, String isin, String investorId, String reason, Instant now) {
        em.createNativeQuery("update settlement_instruction set status = 'FAILED', reason = ?2, updated_at = ?3 "
                + "where allocation_id = ?1").setParameter(1, allocationId).setParameter(2, reason).setParameter(3, now)
                .executeUpdate();
        outbox.publish(new AllocationFailed(allocationId, auctionId, isin, investorId, reason));
        LOG.infof("Allocation %s failed: %s", allocationId, reason);
    }
}
