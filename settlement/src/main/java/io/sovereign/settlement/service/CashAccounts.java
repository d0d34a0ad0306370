package io.sovereign.settlement.service;

import io.sovereign.kit.idempotency.Idempotency;
import io.sovereign.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.UUID;

/** Investors' cash accounts: deposits (dev and tests: production takes payments from the settlement bank). */
@ApplicationScoped
public class CashAccounts {

    private static final BigDecimal MAX_DEPOSIT = new BigDecimal("1000000000000000");

    private final CashLedger ledger;
    private final InvestorRegister investors;
    private final Idempotency idempotency;

    public CashAccounts(CashLedger ledger, InvestorRegister investors, Idempotency idempotency) {
        this.ledger = ledger;
        this.investors = investors;
        this.idempotency = idempotency;
    }

    /** The outcome of a deposit: its journal and the balance after it. */
    public record Deposit(String journalId, BigDecimal balance, boolean replayed) {
    }

    /**
     * Credits an investor's cash from the settlement bank. With an Idempotency-Key, a repeated
     * request books nothing more and answers the original journal.
     */
    @Transactional
    public Deposit deposit(String investorId, BigDecimal amount, String operator, String key) {
        if (amount == null) {
            throw ProblemException.badRequest("amount", "is required, e.g. \"1000000.00\"");
        }
        if (amount.signum() <= 0 || amount.scale() > 2 || amount.compareTo(MAX_DEPOSIT) >= 0) {
            throw ProblemException.badRequest("amount", "must be a positive amount with at most 2 decimals, below "
                    + MAX_DEPOSIT.toPlainString());
        }
        if (investors.find(investorId).isEmpty()) {
            throw ProblemException.notFound("No investor " + investorId + " in the investor register");
        }
        String account = CashLedger.investorAccount(investorId);
        String requestHash = Idempotency.hash(investorId + "|" + amount.setScale(2).toPlainString());
        if (key != null) {
            var prior = idempotency.claim(operator, "deposits", key, requestHash);
            if (prior.isPresent()) {
                return new Deposit(prior.get().body(), ledger.available(account), true);
            }
        }
        String journalId = "deposit:" + UUID.randomUUID();
        ledger.post(journalId, "DEPOSIT", "deposit by " + operator, CashLedger.transfer(CashLedger.SETTLEMENT_BANK, account,
                amount.setScale(2)));
        if (key != null) {
            idempotency.remember(operator, "deposits", key, requestHash, 201, journalId);
        }
        return new Deposit(journalId, ledger.available(account), false);
    }
}
