package io.sovereign.portal.retail;

import com.fasterxml.jackson.databind.JsonNode;
import io.sovereign.portal.clients.AuctionCoreClient;
import io.sovereign.portal.clients.Problems;
import io.sovereign.portal.clients.SettlementClient;
import io.sovereign.portal.web.Forms;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The retail holdings page: each position read from chain by settlement, its next coupons, and its
 * analytics at the price the investor paid (the award price per 100, averaged over the investor's
 * awards in that ISIN weighted by amount) as of today, or the issue date when that is later.
 */
final class Holdings {

    /** How many of the coming coupons each position shows. */
    static final int NEXT_COUPONS = 2;

    record Coupon(String paymentDate, String amount) {
    }

    record Row(String isin, String securityType, String tokenAddress, String walletAddress, long balance, String couponRate,
            String maturityDate, boolean redeemed, List<Coupon> nextCoupons, String price, String priceSource,
            String asOf, String yieldToMaturity, String macaulay, String modified, String convexity, String marketValue,
            String note) {
    }

    record Total(String marketValue, String yieldToMaturity, String macaulay, String modified, String convexity) {
    }

    record View(List<Row> rows, Total total, String alert) {
    }

    private final SettlementClient settlement;
    private final AuctionCoreClient core;
    private final Clock clock;

    Holdings(SettlementClient settlement, AuctionCoreClient core, Clock clock) {
        this.settlement = settlement;
        this.core = core;
        this.clock = clock;
    }

    View view() {
        JsonNode positions;
        try {
            positions = settlement.holdings();
        } catch (RuntimeException e) {
            return new View(List.of(), null, Problems.of(e).detail());
        }
        Map<String, BigDecimal> awardPrices;
        String alert = null;
        try {
            awardPrices = awardPrices(core.subscriptions());
        } catch (RuntimeException e) {
            awardPrices = Map.of();
            alert = "Your award prices could not be read (" + Problems.of(e).detail() + "): the analytics use 100.";
        }
        LocalDate today = LocalDate.now(clock);
        List<Row> rows = new ArrayList<>();
        List<BondAnalytics.Weighted> weighted = new ArrayList<>();
        for (JsonNode p : positions) {
            rows.add(row(p, awardPrices, today, weighted));
        }
        BondAnalytics.Portfolio total = BondAnalytics.portfolio(weighted);
        return new View(rows, total == null ? null : new Total(money(total.marketValue()),
                total.yieldToMaturity().setScale(3, RoundingMode.HALF_UP).toPlainString(),
                total.macaulayDuration().setScale(4, RoundingMode.HALF_UP).toPlainString(),
                total.modifiedDuration().setScale(4, RoundingMode.HALF_UP).toPlainString(),
                total.convexity().setScale(2, RoundingMode.HALF_UP).toPlainString()), alert);
    }

    private static Row row(JsonNode p, Map<String, BigDecimal> awardPrices, LocalDate today, List<BondAnalytics.Weighted> weighted) {
        String isin = Forms.text(p, "isin");
        long balance = p.path("balance").asLong();
        String coupon = Forms.text(p, "couponRate");
        LocalDate maturity = LocalDate.parse(p.path("maturityDate").asText());
        LocalDate issue = p.hasNonNull("issueDate") ? LocalDate.parse(p.path("issueDate").asText()) : today;
        LocalDate asOf = issue.isAfter(today) ? issue : today;
        List<Coupon> next = new ArrayList<>();
        for (JsonNode c : p.path("coupons")) {
            if (!"PAID".equals(Forms.text(c, "status")) && next.size() < NEXT_COUPONS) {
                next.add(new Coupon(Forms.text(c, "paymentDate"), Forms.text(c, "amount")));
            }
        }
        BigDecimal price = awardPrices.get(isin);
        String source = price != null ? "your award price" : "par (no award of yours in this ISIN)";
        if (price == null) {
            price = new BigDecimal("100");
        }
        boolean redeemed = p.path("redeemed").asBoolean();
        if (redeemed || balance == 0 || !asOf.isBefore(maturity)) {
            return new Row(isin, Forms.text(p, "securityType"), Forms.text(p, "tokenAddress"), Forms.text(p, "walletAddress"),
                    balance, coupon, maturity.toString(), redeemed, next, price.toPlainString(), source, asOf.toString(),
                    null, null, null, null, "0.00", redeemed ? "Redeemed" : balance == 0 ? "No balance" : "Matured");
        }
        BondAnalytics.Figures f = BondAnalytics.analyse(coupon == null ? null : new BigDecimal(coupon), maturity, asOf, price);
        BigDecimal marketValue = BigDecimal.valueOf(balance).multiply(f.dirtyPrice()).divide(new BigDecimal("100"), BondAnalytics.MC);
        weighted.add(new BondAnalytics.Weighted(marketValue, f));
        return new Row(isin, Forms.text(p, "securityType"), Forms.text(p, "tokenAddress"), Forms.text(p, "walletAddress"),
                balance, coupon, maturity.toString(), false, next, price.toPlainString(), source, asOf.toString(),
                f.yieldPercent3().toPlainString(), f.macaulay4().toPlainString(), f.modified4().toPlainString(),
                f.convexity2().toPlainString(), money(marketValue), null);
    }

    /** Per ISIN, the amount-weighted average of the investor's award prices (6 dp, half-up). */
    static Map<String, BigDecimal> awardPrices(JsonNode subscriptions) {
        Map<String, BigDecimal[]> sums = new HashMap<>();
        for (JsonNode s : subscriptions) {
            long accepted = s.path("accepted").asLong(0);
            String price = Forms.text(s, "price");
            String isin = Forms.text(s, "isin");
            if (accepted > 0 && price != null && isin != null) {
                BigDecimal[] acc = sums.computeIfAbsent(isin, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                acc[0] = acc[0].add(BigDecimal.valueOf(accepted).multiply(new BigDecimal(price)));
                acc[1] = acc[1].add(BigDecimal.valueOf(accepted));
            }
        }
        Map<String, BigDecimal> prices = new HashMap<>();
        sums.forEach((isin, acc) -> prices.put(isin, acc[0].divide(acc[1], 6, RoundingMode.HALF_UP)));
        return prices;
    }

    private static String money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
