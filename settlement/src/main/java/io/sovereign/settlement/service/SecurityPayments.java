package io.sovereign.settlement.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.sovereign.events.CouponPaid;
import io.sovereign.events.Redeemed;
import io.sovereign.kit.outbox.Outbox;
import io.sovereign.kit.problem.ProblemException;
import io.sovereign.settlement.chain.BondTokenContract;
import io.sovereign.settlement.domain.CouponSchedule;
import io.sovereign.settlement.repository.Security;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Coupons and redemption (DOMAIN.md §4), each once per ISIN and payment date. The holders of
 * record are read from chain at a record block, the first time a payment is asked for, and kept,
 * so that asking again (after a crash, a timeout, a second click) pays the same holders the same
 * amounts, once: the cash moves in one journal whose id names the payment
 * ({@code coupon:<isin>:<date>}, {@code redemption:<isin>:<date>}), from the issuer to the
 * investors.
 * <ul>
 * <li>Coupon: {@code par x coupon / 2} per holder (rounded half-up to the cent) on one of the
 * bond's payment dates, once it has come; CouponPaid.</li>
 * <li>Redemption at maturity: the token is paused (its holders can no longer change), every
 * holder's tokens are burned and the principal, one currency unit per token, is paid; Redeemed.</li>
 * </ul>
 */
@ApplicationScoped
public class SecurityPayments {

    public static final String COUPON = "COUPON";
    public static final String REDEMPTION = "REDEMPTION";

    private static final Logger LOG = Logger.getLogger(SecurityPayments.class);

    /** One holder of record and what it was paid. */
    public record Line(String investorId, String walletAddress, long par, BigDecimal amount, String txHash) {
    }

    /** A coupon or redemption as recorded; {@code created} is true for the request that made it. */
    public record Payment(String isin, String kind, LocalDate paymentDate, long recordBlock, String status, int holders,
            long par, BigDecimal totalPaid, String journalId, String txHash, List<Line> lines, boolean created) {
    }

    private final EntityManager em;
    private final CashLedger ledger;
    private final Outbox outbox;
    private final Ledger chain;
    private final BondTokens tokens;
    private final InvestorRegister investors;
    private final SignerLock signer;

    public SecurityPayments(EntityManager em, CashLedger ledger, Outbox outbox, Ledger chain, BondTokens tokens,
            InvestorRegister investors, SignerLock signer) {
        this.em = em;
        this.ledger = ledger;
        this.outbox = outbox;
        this.chain = chain;
        this.tokens = tokens;
        this.investors = investors;
        this.signer = signer;
    }

    /** Pays the coupon of {@code paymentDate} to the holders of record, once. */
    public Payment payCoupon(String isin, LocalDate paymentDate, String operator) {
        if (paymentDate == null) {
            throw ProblemException.badRequest("paymentDate", "is required, e.g. \"2026-08-15\"");
        }
        Security s = security(isin);
        if ("BILL".equals(s.securityType)) {
            throw ProblemException.conflict(isin + " is a bill: it pays no coupon, only its principal at maturity");
        }
        List<LocalDate> schedule = BondTokens.paymentDates(s);
        if (!schedule.contains(paymentDate)) {
            throw ProblemException.badRequest("paymentDate", "is not a coupon date of " + isin + "; its coupon dates are "
                    + schedule);
        }
        Optional<Payment> done = load(isin, COUPON, paymentDate);
        if (done.isPresent() && "PAID".equals(done.get().status())) {
            return done.get();
        }
        due(isin, paymentDate);
        boolean created = done.isEmpty();
        if (done.isEmpty()) {
            BondTokenContract token = token(s);
            long block = chain.read(() -> chain.client().blockNumber());
            Map<String, Long> holders = chain.read(() -> token.holdersAt(block));
            List<Line> lines = lines(holders, par -> CouponSchedule.coupon(par, s.couponRate));
            created = record(isin, COUPON, paymentDate, block, lines, "coupon:" + isin + ":" + paymentDate, operator);
        }
        Payment recorded = load(isin, COUPON, paymentDate).orElseThrow();
        pay(recorded, "COUPON", "coupon of " + isin + " for " + paymentDate,
                () -> new CouponPaid(isin, paymentDate, recorded.holders(), recorded.par(), recorded.totalPaid()));
        return withCreated(load(isin, COUPON, paymentDate).orElseThrow(), created);
    }

    /** Redeems the bond at maturity: burns every holder's tokens and pays the principal, once. */
    public Payment redeem(String isin, String operator) {
        Security s = security(isin);
        LocalDate maturity = s.maturityDate;
        Optional<Payment> done = load(isin, REDEMPTION, maturity);
        if (done.isPresent() && "PAID".equals(done.get().status())) {
            return done.get();
        }
        due(isin, maturity);
        BondTokenContract token = token(s);
        SignerLock.Held lock = signer.acquire(SignerLock.REQUEST_WAIT).orElseThrow(() -> new ProblemException(503,
                "Service Unavailable", "The agent is busy signing (a settlement in progress): try again shortly",
                List.of()));
        boolean created = done.isEmpty();
        try (lock) {
            if (done.isEmpty()) {
                // paused, the token's holders cannot change between the record block and the burns
                chain.read(() -> {
                    if (!token.paused()) {
                        token.pause();
                    }
                    return null;
                });
                long block = chain.read(() -> chain.client().blockNumber());
                Map<String, Long> holders = chain.read(() -> token.holdersAt(block));
                List<Line> lines = lines(holders, par -> BigDecimal.valueOf(par).setScale(2));
                created = record(isin, REDEMPTION, maturity, block, lines, "redemption:" + isin + ":" + maturity, operator);
            }
            Payment recorded = load(isin, REDEMPTION, maturity).orElseThrow();
            String lastTx = null;
            for (Line line : recorded.lines()) {
                String tx = line.txHash() != null ? line.txHash() : burn(token, recorded, line);
                lastTx = tx != null ? tx : lastTx;
            }
            String txHash = lastTx;
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update security_payment set tx_hash = ?4 "
                    + "where isin = ?1 and kind = ?2 and payment_date = ?3").setParameter(1, isin).setParameter(2, REDEMPTION)
                    .setParameter(3, maturity).setParameter(4, txHash).executeUpdate());
            pay(recorded, "REDEMPTION", "redemption of " + isin + " at maturity " + maturity,
                    () -> new Redeemed(isin, maturity, recorded.par(), recorded.totalPaid(), txHash));
        }
        return withCreated(load(isin, REDEMPTION, maturity).orElseThrow(), created);
    }

    /** Burns what the holder still has (nothing if a run before the crash burned it) and records the transaction. */
    private String burn(BondTokenContract token, Payment p, Line line) {
        String tx = chain.read(() -> {
            long balance = token.balanceOf(line.walletAddress());
            if (balance > 0) {
                return token.burn(line.walletAddress(), balance).getTransactionHash();
            }
            return token.lastBurnTransaction(line.walletAddress()).orElse(null);
        });
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update security_payment_line set tx_hash = ?5 "
                + "where isin = ?1 and kind = ?2 and payment_date = ?3 and wallet_address = ?4").setParameter(1, p.isin())
                .setParameter(2, p.kind()).setParameter(3, p.paymentDate()).setParameter(4, line.walletAddress())
                .setParameter(5, tx).executeUpdate());
        return tx;
    }

    private Security security(String isin) {
        return QuarkusTransaction.requiringNew().call(() -> Security.<Security>findByIdOptional(isin))
                .orElseThrow(() -> ProblemException.notFound("No security " + isin));
    }

    private BondTokenContract token(Security s) {
        return tokens.deployed(s).orElseThrow(() -> ProblemException.conflict("No token of " + s.isin
                + " is deployed yet: nothing has settled"));
    }

    private static void due(String isin, LocalDate paymentDate) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        if (paymentDate.isAfter(today)) {
            throw ProblemException.conflict("The payment of " + isin + " on " + paymentDate + " is not due yet (today is "
                    + today + ")").with("paymentDate", paymentDate.toString());
        }
    }

    private interface Amount {
        BigDecimal of(long par);
    }

    private List<Line> lines(Map<String, Long> holders, Amount amount) {
        List<Line> lines = new ArrayList<>();
        QuarkusTransaction.requiringNew().run(() -> holders.forEach((wallet, par) -> {
            String investorId = investors.byWallet(wallet).map(InvestorRegister.Investor::investorId).orElseThrow(
                    () -> ProblemException.conflict("Holder " + wallet + " is in no investor record: no cash account to pay"));
            lines.add(new Line(investorId, wallet, par, amount.of(par), null)); // tx hashes: the burns, later
        }));
        return lines;
    }

    /** Records the holders of record; false if a concurrent request recorded them first (its record stands). */
    private boolean record(String isin, String kind, LocalDate date, long block, List<Line> lines, String journalId,
            String operator) {
        long par = lines.stream().mapToLong(Line::par).sum();
        BigDecimal total = lines.stream().map(Line::amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        return QuarkusTransaction.requiringNew().call(() -> {
            int inserted = em.createNativeQuery("insert into security_payment (isin, kind, payment_date, record_block, status, "
                    + "holders, par, total_paid, journal_id, requested_by, created_at) values (?1, ?2, ?3, ?4, 'RECORDED', ?5, "
                    + "?6, ?7, ?8, ?9, ?10) on conflict do nothing").setParameter(1, isin).setParameter(2, kind)
                    .setParameter(3, date).setParameter(4, block).setParameter(5, lines.size()).setParameter(6, par)
                    .setParameter(7, total).setParameter(8, journalId).setParameter(9, operator)
                    .setParameter(10, Instant.now()).executeUpdate();
            if (inserted == 0) {
                return false;
            }
            for (Line l : lines) {
                em.createNativeQuery("insert into security_payment_line (isin, kind, payment_date, wallet_address, investor_id, "
                        + "par, amount) values (?1, ?2, ?3, ?4, ?5, ?6, ?7)").setParameter(1, isin).setParameter(2, kind)
                        .setParameter(3, date).setParameter(4, l.walletAddress()).setParameter(5, l.investorId())
                        .setParameter(6, l.par()).setParameter(7, l.amount()).executeUpdate();
            }
            LOG.infof("%s of %s for %s: %d holder(s) of record at block %d, %s to pay", kind, isin, date, lines.size(),
                    block, total.toPlainString());
            return true;
        });
    }

    /** Pays the recorded lines in one journal (issuer → investors), once, and announces it. */
    private void pay(Payment p, String journalKind, String description, java.util.function.Supplier<
            io.sovereign.events.SettlementEvent> event) {
        QuarkusTransaction.requiringNew().run(() -> {
            Map<String, BigDecimal> entries = new LinkedHashMap<>();
            entries.put(CashLedger.issuerAccount(p.isin()), p.totalPaid());
            for (Line l : p.lines()) {
                entries.merge(CashLedger.investorAccount(l.investorId()), l.amount().negate(), BigDecimal::add);
            }
            if (ledger.post(p.journalId(), journalKind, description, entries)) {
                outbox.publish(event.get());
            }
            em.createNativeQuery("update security_payment set status = 'PAID', completed_at = coalesce(completed_at, ?4) "
                    + "where isin = ?1 and kind = ?2 and payment_date = ?3").setParameter(1, p.isin()).setParameter(2, p.kind())
                    .setParameter(3, p.paymentDate()).setParameter(4, Instant.now()).executeUpdate();
        });
    }

    /** A recorded payment with its lines. */
    public Optional<Payment> load(String isin, String kind, LocalDate date) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("select record_block, status, holders, par, total_paid, journal_id, "
                    + "tx_hash from security_payment where isin = ?1 and kind = ?2 and payment_date = ?3")
                    .setParameter(1, isin).setParameter(2, kind).setParameter(3, date).getResultList();
            if (rows.isEmpty()) {
                return Optional.<Payment>empty();
            }
            Object[] r = rows.get(0);
            @SuppressWarnings("unchecked")
            List<Object[]> lineRows = em.createNativeQuery("select investor_id, wallet_address, par, amount, tx_hash "
                    + "from security_payment_line where isin = ?1 and kind = ?2 and payment_date = ?3 order by wallet_address")
                    .setParameter(1, isin).setParameter(2, kind).setParameter(3, date).getResultList();
            List<Line> lines = lineRows.stream().map(l -> new Line((String) l[0], (String) l[1], ((Number) l[2]).longValue(),
                    (BigDecimal) l[3], (String) l[4])).toList();
            return Optional.of(new Payment(isin, kind, date, ((Number) r[0]).longValue(), (String) r[1],
                    ((Number) r[2]).intValue(), ((Number) r[3]).longValue(), (BigDecimal) r[4], (String) r[5],
                    (String) r[6], lines, false));
        });
    }

    /** Par redeemed so far (for the proof of reserves). */
    public long redeemed(String isin) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select coalesce(sum(par), 0) from security_payment where isin = ?1 and kind = 'REDEMPTION' and status = 'PAID'")
                .setParameter(1, isin).getSingleResult()).longValue());
    }

    private static Payment withCreated(Payment p, boolean created) {
        return new Payment(p.isin(), p.kind(), p.paymentDate(), p.recordBlock(), p.status(), p.holders(), p.par(),
                p.totalPaid(), p.journalId(), p.txHash(), p.lines(), created);
    }
}
