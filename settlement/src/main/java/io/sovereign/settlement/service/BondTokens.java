package io.sovereign.settlement.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.sovereign.settlement.chain.BondTerms;
import io.sovereign.settlement.chain.BondTokenContract;
import io.sovereign.settlement.chain.ContractRevertException;
import io.sovereign.settlement.domain.CouponSchedule;
import io.sovereign.settlement.repository.Security;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * One bond token per ISIN, deployed through the factory with the security's terms when its auction
 * is announced (if the coupon is known then: bills, reopenings) or when its results are published
 * (new issues, whose coupon the auction sets), and at the latest at its first settlement.
 */
@ApplicationScoped
public class BondTokens {

    private static final Logger LOG = Logger.getLogger(BondTokens.class);

    private final Ledger ledger;
    private final EntityManager em;
    private final ChainTasks tasks;

    public BondTokens(Ledger ledger, EntityManager em, ChainTasks tasks) {
        this.ledger = ledger;
        this.em = em;
        this.tasks = tasks;
    }

    /** The terms the token carries; empty while the coupon of a new note or bond is not set. */
    public static Optional<BondTerms> terms(Security s) {
        boolean bill = "BILL".equals(s.securityType);
        if (!bill && s.couponRate == null) {
            return Optional.empty();
        }
        BigDecimal coupon = bill ? BigDecimal.ZERO : s.couponRate;
        String name = bill ? "BILL " + s.maturityDate
                : s.securityType + " " + coupon.stripTrailingZeros().toPlainString() + "% " + s.maturityDate;
        return Optional.of(new BondTerms(s.isin, name, coupon, s.issueDate, s.maturityDate,
                paymentDates(s)));
    }

    /** The coupon dates of the security (none for a bill). */
    public static List<java.time.LocalDate> paymentDates(Security s) {
        return CouponSchedule.paymentDates(s.securityType, s.issueDate, s.maturityDate);
    }

    /**
     * The token of {@code isin}, deployed now if it has none. Signs: only the holder of the
     * {@link SignerLock} calls this.
     *
     * @throws IllegalStateException if settlement does not know the ISIN or its coupon is not set yet
     */
    public BondTokenContract token(String isin) {
        Security s = QuarkusTransaction.requiringNew().call(() -> Security.<Security>findById(isin));
        if (s == null) {
            throw new IllegalStateException("Settlement knows no security " + isin);
        }
        if (s.tokenAddress != null) {
            return ledger.token(s.tokenAddress);
        }
        BondTerms terms = terms(s).orElseThrow(() -> new IllegalStateException("The coupon of " + isin
                + " is not set yet: its token is deployed once the results are published"));
        BondTokenContract token = ledger.contracts().issuance().tokenFor(terms);
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("update security set token_address = ?2 where isin = ?1").setParameter(1, isin)
                    .setParameter(2, token.address()).executeUpdate();
            // a suspended investor's wallet is frozen on every token, this one too
            @SuppressWarnings("unchecked")
            List<String> suspended = em.createNativeQuery(
                    "select investor_id from investor where kyc_status = 'SUSPENDED' and wallet_address is not null")
                    .getResultList();
            suspended.forEach(id -> tasks.request(ChainTasks.SYNC_INVESTOR, id));
        });
        LOG.infof("Bond token of %s at %s (%s)", isin, token.address(), terms.name());
        return token;
    }

    /** Deploys the tokens that announcements and results asked for (tasks {@link ChainTasks#DEPLOY_TOKEN}). */
    public int runTasks() {
        int done = 0;
        for (ChainTasks.Task task : tasks.due(ChainTasks.DEPLOY_TOKEN, 20)) {
            try {
                token(task.subject());
                tasks.done(task);
                done++;
            } catch (ContractRevertException | IllegalStateException e) {
                LOG.warnf("Token of %s not deployed (attempt %d): %s", task.subject(), task.attempts() + 1, e.getMessage());
                tasks.failed(task, e.getMessage());
            }
        }
        return done;
    }

    /** The deployed token of {@code isin}, for reading; empty before it is deployed. */
    public Optional<BondTokenContract> deployed(Security s) {
        return Optional.ofNullable(s.tokenAddress).map(ledger::token);
    }

    /** Every deployed token, by ISIN. */
    public List<BondTokenContract> all() {
        @SuppressWarnings("unchecked")
        List<String> addresses = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select token_address from security where token_address is not null order by isin").getResultList());
        return addresses.stream().map(ledger::token).toList();
    }
}
