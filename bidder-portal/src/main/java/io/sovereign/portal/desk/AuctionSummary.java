package io.sovereign.portal.desk;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;

/**
 * An auction's announced terms as auction-core gives them (GET /api/v1/auctions/{id}); decimals
 * and instants stay the strings of the API, so the page shows exactly what the service holds.
 */
public record AuctionSummary(String auctionId, String status, String format, String bidBasis, String securityType,
        String isin, String issueDate, String maturityDate, String couponRate, long offeringAmount,
        String maxAwardRatio, long nonCompetitiveLimit, long minimumBid, long bidMultiple, String rateIncrement,
        String priceIncrement, String biddingOpensAt, String nonCompetitiveClosesAt, String competitiveClosesAt,
        String createdBy) {

    public static AuctionSummary of(JsonNode a) {
        JsonNode s = a.path("security");
        return new AuctionSummary(text(a, "auctionId"), text(a, "status"), text(a, "format"), text(a, "bidBasis"),
                text(s, "securityType"), text(s, "isin"), text(s, "issueDate"), text(s, "maturityDate"),
                text(s, "couponRate"), a.path("offeringAmount").asLong(), text(a, "maxAwardRatio"),
                a.path("nonCompetitiveLimit").asLong(), a.path("minimumBid").asLong(), a.path("bidMultiple").asLong(),
                text(a, "rateIncrement"), text(a, "priceIncrement"), text(a, "biddingOpensAt"),
                text(a, "nonCompetitiveClosesAt"), text(a, "competitiveClosesAt"), text(a, "createdBy"));
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isMissingNode() || v.isNull() ? null : v.asText();
    }

    /** The term in the market's words: "13-week", "10-year", or "2-year 3-month" for an odd one. */
    public String term() {
        try {
            LocalDate issue = LocalDate.parse(issueDate);
            LocalDate maturity = LocalDate.parse(maturityDate);
            long days = java.time.temporal.ChronoUnit.DAYS.between(issue, maturity);
            if (days < 365 && days % 7 == 0) {
                return days / 7 + "-week";
            }
            Period p = Period.between(issue, maturity);
            if (p.getMonths() == 0 && p.getDays() <= 3) {
                return p.getYears() + "-year";
            }
            return (p.getYears() > 0 ? p.getYears() + "-year " : "") + p.getMonths() + "-month";
        } catch (DateTimeParseException | NullPointerException e) {
            return "";
        }
    }

    public boolean onPrice() {
        return "PRICE".equals(bidBasis);
    }

    /** Bids may still arrive or the book may still change: announced or open. */
    public boolean live() {
        return "ANNOUNCED".equals(status) || "OPEN".equals(status);
    }

    public boolean cleared() {
        return "ALLOCATED".equals(status) || "PUBLISHED".equals(status);
    }

    /** The CSS modifier of the status badge. */
    public String badge() {
        return status == null ? "" : "badge-" + status.toLowerCase(java.util.Locale.ROOT);
    }
}
