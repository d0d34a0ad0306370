package io.sovereign.portal.retail;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Yield to maturity, Macaulay and modified duration and convexity of a fixed-coupon bond from its
 * price, in exact decimals (no floating point), on the semiannual street convention: the remaining
 * cash flows (coupons {@code c/2} per 100 on dates running back from maturity in 6-month steps with
 * the end-of-month rule, and 100 at maturity) are discounted at {@code (1 + y/2)^(w + k)}, where
 * {@code w} = days from settlement to the next coupon / days in that coupon period (actual/actual).
 * On a coupon date (w = 1, e.g. the issue date of a regular first period) this is the price formula
 * of DOMAIN.md §1 exactly; between coupon dates the fractional period is compounded rather than
 * taken at simple interest. A bill (no coupon) is a zero-coupon bond on the same convention.
 * Durations are in years; convexity in years² ({@code (1/P) d²P/dy²} with y per year).
 */
public final class BondAnalytics {

    /** Working precision of every intermediate step; results are rounded only when shown. */
    static final MathContext MC = new MathContext(40, RoundingMode.HALF_EVEN);
    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** The solver stops once the yield (a fraction per year) moves by less than this. */
    private static final BigDecimal TOLERANCE = new BigDecimal("1e-14");
    /** Yields searched (fractions per year): -100 % to +1000 %, wide enough for any real price. */
    private static final BigDecimal LOW = new BigDecimal("-1.0");
    private static final BigDecimal HIGH = new BigDecimal("10.0");

    private BondAnalytics() {
    }

    /** The figures of one bond at one price; yield in % per year, durations in years, convexity in years². */
    public record Figures(BigDecimal cleanPrice, BigDecimal accruedInterest, BigDecimal dirtyPrice, BigDecimal yieldToMaturity,
            BigDecimal macaulayDuration, BigDecimal modifiedDuration, BigDecimal convexity) {

        public BigDecimal yieldPercent3() {
            return yieldToMaturity.setScale(3, RoundingMode.HALF_UP);
        }

        public BigDecimal macaulay4() {
            return macaulayDuration.setScale(4, RoundingMode.HALF_UP);
        }

        public BigDecimal modified4() {
            return modifiedDuration.setScale(4, RoundingMode.HALF_UP);
        }

        public BigDecimal convexity2() {
            return convexity.setScale(2, RoundingMode.HALF_UP);
        }
    }

    /** The remaining cash flows of a bond at a settlement date, per 100 of par. */
    record CashFlows(BigDecimal firstFraction, BigDecimal accruedInterest, List<BigDecimal> amounts, List<LocalDate> dates) {
    }

    /**
     * The figures of a bond bought at {@code cleanPrice} per 100 on {@code settlement}.
     *
     * @param couponRate the annual coupon in percent ("4.125"); zero or null for a bill
     */
    public static Figures analyse(BigDecimal couponRate, LocalDate maturity, LocalDate settlement, BigDecimal cleanPrice) {
        Objects.requireNonNull(cleanPrice, "cleanPrice");
        if (cleanPrice.signum() <= 0) {
            throw new IllegalArgumentException("The price must be positive, not " + cleanPrice);
        }
        CashFlows flows = cashFlows(couponRate, maturity, settlement);
        BigDecimal dirty = cleanPrice.add(flows.accruedInterest());
        BigDecimal y = solveYield(flows, dirty);
        return figures(flows, cleanPrice, dirty, y);
    }

    /** The dirty price per 100 at yield {@code yieldPercent} (% per year), unrounded. */
    public static BigDecimal dirtyPrice(BigDecimal couponRate, LocalDate maturity, LocalDate settlement, BigDecimal yieldPercent) {
        return sums(cashFlows(couponRate, maturity, settlement), yieldPercent.divide(HUNDRED, MC))[0];
    }

    /** The remaining flows after {@code settlement} (a flow on the settlement date itself is gone). */
    static CashFlows cashFlows(BigDecimal couponRate, LocalDate maturity, LocalDate settlement) {
        Objects.requireNonNull(maturity, "maturity");
        Objects.requireNonNull(settlement, "settlement");
        if (!settlement.isBefore(maturity)) {
            throw new IllegalArgumentException("Settlement " + settlement + " is not before maturity " + maturity);
        }
        BigDecimal halfCoupon = couponRate == null ? BigDecimal.ZERO : couponRate.divide(TWO, MC);
        boolean endOfMonth = maturity.getDayOfMonth() == maturity.lengthOfMonth();
        List<LocalDate> dates = new ArrayList<>();
        LocalDate previous = maturity;
        for (int k = 1; previous.isAfter(settlement); k++) {
            dates.add(0, previous);
            previous = couponDate(maturity, 6L * k, endOfMonth);
        }
        LocalDate next = dates.get(0);
        long period = ChronoUnit.DAYS.between(previous, next);
        long toNext = ChronoUnit.DAYS.between(settlement, next);
        BigDecimal w = BigDecimal.valueOf(toNext).divide(BigDecimal.valueOf(period), MC);
        BigDecimal accrued = halfCoupon.multiply(BigDecimal.valueOf(period - toNext))
                .divide(BigDecimal.valueOf(period), MC);
        List<BigDecimal> amounts = new ArrayList<>();
        for (int i = 0; i < dates.size(); i++) {
            amounts.add(i == dates.size() - 1 ? halfCoupon.add(HUNDRED) : halfCoupon);
        }
        return new CashFlows(w, accrued, List.copyOf(amounts), List.copyOf(dates));
    }

    private static LocalDate couponDate(LocalDate maturity, long monthsBack, boolean endOfMonth) {
        LocalDate d = maturity.minusMonths(monthsBack);
        return endOfMonth ? d.withDayOfMonth(d.lengthOfMonth()) : d;
    }

    /**
     * Newton's method on the price-yield function, kept inside a bracket that always holds the root
     * (the price falls as the yield rises); a step that leaves the bracket is replaced by bisection.
     */
    static BigDecimal solveYield(CashFlows flows, BigDecimal dirty) {
        BigDecimal lo = LOW;
        BigDecimal hi = HIGH;
        BigDecimal[] atLo = sums(flows, lo);
        BigDecimal[] atHi = sums(flows, hi);
        if (atLo[0].compareTo(dirty) < 0 || atHi[0].compareTo(dirty) > 0) {
            throw new IllegalArgumentException("No yield between -100 % and 1000 % gives the price " + dirty);
        }
        BigDecimal y = flows.amounts().size() > 1 ? flows.amounts().get(0).multiply(TWO).divide(HUNDRED, MC)
                : new BigDecimal("0.05");
        for (int i = 0; i < 200; i++) {
            BigDecimal[] s = sums(flows, y);
            BigDecimal diff = s[0].subtract(dirty);
            if (diff.signum() == 0) {
                return y.multiply(HUNDRED);
            }
            if (diff.signum() > 0) {
                lo = y; // price too high: the yield is above y
            } else {
                hi = y;
            }
            // dP/dy = -s[1] / (2 (1 + y/2)), s[1] = sum of t PV(t) in periods
            BigDecimal slope = s[1].negate().divide(TWO.multiply(onePlusHalf(y)), MC);
            BigDecimal next = slope.signum() == 0 ? null : y.subtract(diff.divide(slope, MC));
            if (next == null || next.compareTo(lo) <= 0 || next.compareTo(hi) >= 0) {
                next = lo.add(hi).divide(TWO, MC);
            }
            if (next.subtract(y).abs().compareTo(TOLERANCE) < 0 || hi.subtract(lo).compareTo(TOLERANCE) < 0) {
                return next.multiply(HUNDRED);
            }
            y = next;
        }
        throw new IllegalStateException("The yield did not converge for price " + dirty);
    }

    private static Figures figures(CashFlows flows, BigDecimal clean, BigDecimal dirty, BigDecimal yieldPercent) {
        BigDecimal y = yieldPercent.divide(HUNDRED, MC);
        BigDecimal[] s = sums(flows, y);
        BigDecimal price = s[0];
        BigDecimal onePlus = onePlusHalf(y);
        // t in half-years: Macaulay (years) = sum t PV / P / 2
        BigDecimal macaulay = s[1].divide(price.multiply(TWO), MC);
        BigDecimal modified = macaulay.divide(onePlus, MC);
        // d2P/dy2 = sum t (t + 1) PV / (4 (1 + y/2)^2)
        BigDecimal convexity = s[2].divide(price.multiply(BigDecimal.valueOf(4)).multiply(onePlus.pow(2, MC)), MC);
        return new Figures(clean, flows.accruedInterest(), dirty, yieldPercent, macaulay, modified, convexity);
    }

    /** {sum PV, sum t PV, sum t (t+1) PV} at the yield y (a fraction per year), t in half-years. */
    static BigDecimal[] sums(CashFlows flows, BigDecimal y) {
        BigDecimal onePlus = onePlusHalf(y);
        BigDecimal v = BigDecimal.ONE.divide(onePlus, MC);
        BigDecimal w = flows.firstFraction();
        BigDecimal discount = exp(w.multiply(ln(v), MC)); // v^w
        BigDecimal pv = BigDecimal.ZERO;
        BigDecimal tpv = BigDecimal.ZERO;
        BigDecimal ttpv = BigDecimal.ZERO;
        for (int k = 0; k < flows.amounts().size(); k++) {
            BigDecimal t = w.add(BigDecimal.valueOf(k));
            BigDecimal present = flows.amounts().get(k).multiply(discount, MC);
            pv = pv.add(present, MC);
            tpv = tpv.add(t.multiply(present, MC), MC);
            ttpv = ttpv.add(t.multiply(t.add(BigDecimal.ONE), MC).multiply(present, MC), MC);
            discount = discount.multiply(v, MC);
        }
        return new BigDecimal[] {pv, tpv, ttpv};
    }

    private static BigDecimal onePlusHalf(BigDecimal y) {
        return BigDecimal.ONE.add(y.divide(TWO, MC));
    }

    /** Natural logarithm of a positive x: 2 atanh((x-1)/(x+1)), after halving x into [0.5, 2] by powers of 2. */
    static BigDecimal ln(BigDecimal x) {
        if (x.signum() <= 0) {
            throw new ArithmeticException("ln of " + x);
        }
        int twos = 0;
        BigDecimal half = new BigDecimal("0.5");
        while (x.compareTo(TWO) > 0) {
            x = x.divide(TWO, MC);
            twos++;
        }
        while (x.compareTo(half) < 0) {
            x = x.multiply(TWO);
            twos--;
        }
        BigDecimal z = x.subtract(BigDecimal.ONE).divide(x.add(BigDecimal.ONE), MC);
        BigDecimal z2 = z.multiply(z, MC);
        BigDecimal term = z;
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal epsilon = BigDecimal.ONE.movePointLeft(MC.getPrecision());
        for (int n = 1; term.abs().compareTo(epsilon) > 0; n += 2) {
            sum = sum.add(term.divide(BigDecimal.valueOf(n), MC), MC);
            term = term.multiply(z2, MC);
        }
        BigDecimal result = sum.multiply(TWO);
        return twos == 0 ? result : result.add(LN2.multiply(BigDecimal.valueOf(twos)), MC);
    }

    private static final BigDecimal LN2 = new BigDecimal("0.6931471805599453094172321214581765680755");

    /** e^x by its Taylor series on x / 2^k, squared back k times. */
    static BigDecimal exp(BigDecimal x) {
        int halvings = 0;
        while (x.abs().compareTo(new BigDecimal("0.5")) > 0) {
            x = x.divide(TWO, MC);
            halvings++;
        }
        BigDecimal sum = BigDecimal.ONE;
        BigDecimal term = BigDecimal.ONE;
        BigDecimal epsilon = BigDecimal.ONE.movePointLeft(MC.getPrecision());
        for (int n = 1; term.abs().compareTo(epsilon) > 0; n++) {
            term = term.multiply(x, MC).divide(BigDecimal.valueOf(n), MC);
            sum = sum.add(term, MC);
        }
        for (int i = 0; i < halvings; i++) {
            sum = sum.multiply(sum, MC);
        }
        return sum;
    }

    /** One position of a portfolio: its market value (the weight) and its figures. */
    public record Weighted(BigDecimal marketValue, Figures figures) {
    }

    /** Market-value-weighted averages of a portfolio, and its total market value. */
    public record Portfolio(BigDecimal marketValue, BigDecimal yieldToMaturity, BigDecimal modifiedDuration, BigDecimal convexity,
            BigDecimal macaulayDuration) {
    }

    /** The portfolio's figures: each one averaged with the positions' market values as weights; null when empty. */
    public static Portfolio portfolio(List<Weighted> positions) {
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal ytm = BigDecimal.ZERO;
        BigDecimal modified = BigDecimal.ZERO;
        BigDecimal convexity = BigDecimal.ZERO;
        BigDecimal macaulay = BigDecimal.ZERO;
        for (Weighted p : positions) {
            BigDecimal mv = p.marketValue();
            total = total.add(mv);
            ytm = ytm.add(mv.multiply(p.figures().yieldToMaturity()), MC);
            modified = modified.add(mv.multiply(p.figures().modifiedDuration()), MC);
            convexity = convexity.add(mv.multiply(p.figures().convexity()), MC);
            macaulay = macaulay.add(mv.multiply(p.figures().macaulayDuration()), MC);
        }
        if (total.signum() == 0) {
            return null;
        }
        return new Portfolio(total, ytm.divide(total, MC), modified.divide(total, MC), convexity.divide(total, MC),
                macaulay.divide(total, MC));
    }
}
