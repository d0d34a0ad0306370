package io.sovereign.settlement.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.sovereign.kit.problem.ProblemException;
import io.sovereign.settlement.chain.BondTokenContract;
import io.sovereign.settlement.domain.CouponSchedule;
import io.sovereign.settlement.repository.Security;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The read side of the bonds, from the chain itself (the register of record): supplies, holders,
 * each investor's positions, and the proof of reserves against settlement's own books.
 */
@ApplicationScoped
public class Holdings {

    /** A security and its supply on chain (0 before its token is deployed). */
    public record SecurityState(Security security, long totalSupply) {
    }

    /** A holder of record now. */
    public record Holder(String investorId, String walletAddress, long balance) {
    }

    /** Proof of reserves at one block. */
    public record Reserves(String isin, long blockNumber, long onChainTotalSupply, long settledAllocations, long redeemed) {

        public boolean holds() {
            return onChainTotalSupply == settledAllocations - redeemed;
        }
    }

    /** One coupon of a position: what was paid on a past date, or what the balance would get. */
    public record Coupon(LocalDate paymentDate, BigDecimal amount, boolean paid) {
    }

    /** An investor's position in one bond, read from chain. */
    public record Position(Security security, String walletAddress, long balance, List<Coupon> coupons, boolean redeemed) {
    }

    private final EntityManager em;
    private final Ledger chain;
    private final BondTokens tokens;
    private final InvestorRegister investors;
    private final SecurityRegistry securities;
    private final SecurityPayments payments;

    public Holdings(EntityManager em, Ledger chain, BondTokens tokens, InvestorRegister investors,
            SecurityRegistry securities, SecurityPayments payments) {
        this.em = em;
        this.chain = chain;
        this.tokens = tokens;
        this.investors = investors;
        this.securities = securities;
        this.payments = payments;
    }

    public List<SecurityState> securities() {
        List<Security> all = securities.list();
        return chain.read(() -> all.stream().map(s -> new SecurityState(s,
                tokens.deployed(s).map(BondTokenContract::totalSupply).orElse(0L))).toList());
    }

    /** The holders of record now, largest first. */
    public List<Holder> holders(String isin) {
        Security s = security(isin);
        Optional<BondTokenContract> token = tokens.deployed(s);
        if (token.isEmpty()) {
            return List.of();
        }
        Map<String, Long> holders = chain.read(() -> token.get().holdersAt(chain.client().blockNumber()));
        List<Holder> out = new ArrayList<>();
        QuarkusTransaction.requiringNew().run(() -> holders.forEach((wallet, balance) -> out.add(new Holder(
                investors.byWallet(wallet).map(InvestorRegister.Investor::investorId).orElse(null), wallet, balance))));
        out.sort((a, b) -> Long.compare(b.balance(), a.balance()));
        return out;
    }

    public Reserves reserves(String isin) {
        Security s = security(isin);
        long settled = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select coalesce(sum(amount), 0) from settlement_instruction where isin = ?1 and status = 'SETTLED'")
                .setParameter(1, isin).getSingleResult()).longValue());
        long redeemed = payments.redeemed(isin);
        Optional<BondTokenContract> token = tokens.deployed(s);
        return chain.read(() -> {
            long block = chain.client().blockNumber();
            return new Reserves(isin, block, token.map(t -> t.totalSupply(block)).orElse(0L), settled, redeemed);
        });
    }

    /** The investor's positions in every deployed bond, with their coupon schedules. */
    public List<Position> positions(String investorId) {
        Optional<InvestorRegister.Investor> investor = QuarkusTransaction.requiringNew().call(() -> investors.find(investorId));
        String wallet = investor.map(InvestorRegister.Investor::walletAddress).orElse(null);
        if (wallet == null) {
            return List.of();
        }
        List<Position> positions = new ArrayList<>();
        for (Security s : securities.list()) {
            if (s.tokenAddress == null) {
                continue;
            }
            BondTokenContract token = chain.token(s.tokenAddress);
            long balance = chain.read(() -> token.balanceOf(wallet));
            Map<LocalDate, BigDecimal> paid = paidCoupons(s.isin, wallet);
            boolean redeemed = payments.load(s.isin, SecurityPayments.REDEMPTION, s.maturityDate)
                    .map(p -> p.lines().stream().anyMatch(l -> l.walletAddress().equalsIgnoreCase(wallet))).orElse(false);
            if (balance == 0 && paid.isEmpty() && !redeemed) {
                continue;
            }
            List<Coupon> coupons = BondTokens.paymentDates(s).stream().map(d -> paid.containsKey(d)
                    ? new Coupon(d, paid.get(d), true)
                    : new Coupon(d, CouponSchedule.coupon(balance, s.couponRate), false)).toList();
            positions.add(new Position(s, wallet, balance, coupons, redeemed));
        }
        return positions;
    }

    private Map<LocalDate, BigDecimal> paidCoupons(String isin, String wallet) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select l.payment_date, l.amount from security_payment_line l join security_payment p on p.isin = l.isin "
                        + "and p.kind = l.kind and p.payment_date = l.payment_date where l.isin = ?1 and l.kind = 'COUPON' "
                        + "and lower(l.wallet_address) = lower(?2) and p.status = 'PAID'")
                .setParameter(1, isin).setParameter(2, wallet).getResultList());
        Map<LocalDate, BigDecimal> paid = new HashMap<>();
        rows.forEach(r -> paid.put(r[0] instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) r[0], (BigDecimal) r[1]));
        return paid;
    }

    private Security security(String isin) {
        return securities.find(isin).orElseThrow(() -> ProblemException.notFound("No security " + isin));
    }
}
