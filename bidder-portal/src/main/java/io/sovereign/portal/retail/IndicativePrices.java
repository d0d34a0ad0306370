package io.sovereign.portal.retail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sovereign.portal.clients.AuctionCoreClient;
import io.sovereign.portal.web.Forms;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The indicative price of an open auction for a retail subscriber: a non-competitive bid pays
 * whatever the auction sets, so the page can only show what a recent comparable auction suggests.
 * The price is auction-core's calculator at the high rate of the last published auction of the same
 * security type with a similar term (within a fifth of the term, at least a month), with the
 * auction's coupon, or for a new issue the coupon the auction would set at that yield (DOMAIN.md §1).
 */
final class IndicativePrices {

    /** The price per 100 (6 dp) or null, and how it was reached, in words for the page. */
    record Indication(String price, String basis) {
    }

    private static final BigDecimal EIGHTH = new BigDecimal("0.125");

    private final AuctionCoreClient core;
    private List<JsonNode> published;

    IndicativePrices(AuctionCoreClient core) {
        this.core = core;
    }

    Indication of(JsonNode auction) {
        JsonNode security = auction.path("security");
        String type = Forms.text(security, "securityType");
        String coupon = Forms.text(security, "couponRate");
        try {
            Optional<Comparable> last = lastComparable(auction);
            if (last.isPresent()) {
                Comparable c = last.get();
                ObjectNode terms = terms(security);
                String what;
                if ("BILL".equals(type)) {
                    terms.put("discountRate", c.rate());
                    what = "at the discount rate " + c.rate() + " %";
                } else {
                    String assumed = coupon != null ? coupon : newIssueCoupon(new BigDecimal(c.rate())).toPlainString();
                    terms.put("couponRate", assumed);
                    terms.put("yield", c.rate());
                    what = "at the yield " + c.rate() + " % with " + (coupon != null ? "the bond's coupon " + coupon + " %"
                            : "the coupon " + assumed + " % a new issue would get at that yield (the highest 1/8 % not above it)");
                }
                String price = Forms.text(core.price(terms), "price");
                return new Indication(price, "Indicative: auction-core's price " + what + ", the high rate of the last comparable "
                        + "auction (" + c.isin() + ", " + c.type() + " closed " + c.closed() + "). Your subscription pays the "
                        + "price this auction sets, which may differ.");
            }
            if (coupon != null && !"BILL".equals(type)) {
                ObjectNode terms = terms(security);
                terms.put("couponRate", coupon).put("yield", coupon);
                String price = Forms.text(core.price(terms), "price");
                return new Indication(price, "Indicative: the price at a yield equal to the bond's coupon " + coupon
                        + " % (no comparable auction published yet). Your subscription pays the price this auction sets.");
            }
            return new Indication(null, "BILL".equals(type)
                    ? "No comparable bill auction has been published yet, so there is no indicative price: a bill is "
                            + "bought at a discount to 100 set by the auction's high discount rate."
                    : "About 100: the coupon of a new issue is set at auction from the high yield, so the price is "
                            + "at or just below par. No comparable auction has been published yet.");
        } catch (RuntimeException e) {
            return new Indication(null, "No indicative price: the calculator could not be reached or refused these terms.");
        }
    }

    /** Coupon of a new issue: the highest multiple of 1/8 of 1 % not above the yield, at least 0.125 % (DOMAIN.md §1). */
    static BigDecimal newIssueCoupon(BigDecimal yield) {
        BigDecimal eighths = yield.divide(EIGHTH, 0, RoundingMode.FLOOR);
        BigDecimal c = eighths.multiply(EIGHTH).setScale(3, RoundingMode.UNNECESSARY);
        return c.compareTo(EIGHTH) < 0 ? EIGHTH.setScale(3) : c;
    }

    /** Terms in months between two dates, rounded to the nearest month. */
    static long termMonths(LocalDate issue, LocalDate maturity) {
        return ChronoUnit.MONTHS.between(issue, maturity.plusDays(15));
    }

    /** Whether two terms (in months) are comparable: within a fifth of the longer one, at least a month apart allowed. */
    static boolean similarTerm(long a, long b) {
        long tolerance = Math.max(1, Math.max(a, b) / 5);
        return Math.abs(a - b) <= tolerance;
    }

    private record Comparable(String isin, String type, String rate, String closed) {
    }

    private Optional<Comparable> lastComparable(JsonNode auction) {
        JsonNode security = auction.path("security");
        String type = Forms.text(security, "securityType");
        long term = termMonths(LocalDate.parse(security.path("issueDate").asText()),
                LocalDate.parse(security.path("maturityDate").asText()));
        if (published == null) {
            published = new ArrayList<>();
            core.auctions("PUBLISHED").forEach(published::add);
            published.sort(Comparator.comparing((JsonNode a) -> a.path("competitiveClosesAt").asText()).reversed());
        }
        for (JsonNode p : published) {
            JsonNode s = p.path("security");
            if (!type.equals(Forms.text(s, "securityType")) || "PRICE".equals(Forms.text(p, "bidBasis"))
                    || !similarTerm(term, termMonths(LocalDate.parse(s.path("issueDate").asText()),
                            LocalDate.parse(s.path("maturityDate").asText())))) {
                continue;
            }
            String rate = Forms.text(core.results(Forms.text(p, "auctionId")), "highRate");
            if (rate != null) {
                return Optional.of(new Comparable(Forms.text(s, "isin"), type, rate,
                        p.path("competitiveClosesAt").asText().substring(0, 10)));
            }
        }
        return Optional.empty();
    }

    private static ObjectNode terms(JsonNode security) {
        ObjectNode t = JsonNodeFactory.instance.objectNode();
        for (String f : List.of("securityType", "issueDate", "maturityDate", "datedDate", "firstInterestPaymentDate")) {
            String v = Forms.text(security, f);
            if (v != null) {
                t.put(f, v);
            }
        }
        return t;
    }
}
