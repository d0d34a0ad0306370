package io.sovereign.portal.desk;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An auction's results (GET /api/v1/auctions/{id}/results) with each allocation's settlement
 * (GET /api/v1/settlements?auctionId=) joined by allocationId. Decimals stay the API's strings.
 */
public record ResultsView(String status, List<Stat> stats, List<AllocationRow> allocations, boolean settlementsKnown,
        String settlementsProblem) {

    /** One statistic: its label, its value as the API wrote it (amounts grouped), and the API's name. */
    public record Stat(String name, String label, String value) {
    }

    /** One allocation; the settlement fields are null until settlement has an instruction for it. */
    public record AllocationRow(String allocationId, String bidId, String bidderId, String kind, long accepted,
            String price, String settlementStatus, String settlementReason, String txHash) {

        public String settlementBadge() {
            return settlementStatus == null ? "" : "badge-" + settlementStatus.toLowerCase(java.util.Locale.ROOT);
        }
    }

    private static final String[][] RATE_STATS = {{"highRate", "High rate (stop-out)"}, {"lowRate", "Low rate"},
            {"medianRate", "Median rate"}};
    private static final String[][] PRICE_STATS = {{"lowPrice", "Low price (stop-out)"}, {"highPrice", "High price"},
            {"medianPrice", "Median price"}};
    private static final String[][] COMMON_STATS = {{"price", "Price"}, {"averagePrice", "Average price"},
            {"couponRate", "Coupon rate"}, {"allotmentPercentage", "Allotment at the stop-out (%)"},
            {"totalTendered", "Total tendered"}, {"totalAccepted", "Total accepted"},
            {"competitiveAccepted", "Competitive accepted"}, {"nonCompetitiveAccepted", "Non-competitive accepted"},
            {"bidToCover", "Bid-to-cover"}};

    /**
     * @param settlements the instructions of the auction, or null when they could not be read
     *                    (not yet published, the role may not see them, settlement unreachable)
     */
    public static ResultsView of(JsonNode results, JsonNode settlements, String settlementsProblem) {
        boolean onPrice = results.has("lowPrice");
        List<Stat> stats = new ArrayList<>();
        for (String[] s : onPrice ? PRICE_STATS : RATE_STATS) {
            stats.add(stat(results, s));
        }
        for (String[] s : COMMON_STATS) {
            if (results.has(s[0])) {
                stats.add(stat(results, s));
            }
        }
        Map<String, JsonNode> byAllocation = new HashMap<>();
        if (settlements != null && settlements.isArray()) {
            for (JsonNode i : settlements) {
                byAllocation.put(i.path("allocationId").asText(), i);
            }
        }
        List<AllocationRow> rows = new ArrayList<>();
        for (JsonNode a : results.path("allocations")) {
            JsonNode i = byAllocation.get(a.path("allocationId").asText());
            rows.add(new AllocationRow(AuctionSummary.text(a, "allocationId"), AuctionSummary.text(a, "bidId"),
                    AuctionSummary.text(a, "bidderId"), AuctionSummary.text(a, "kind"), a.path("accepted").asLong(),
                    AuctionSummary.text(a, "price"), i == null ? null : AuctionSummary.text(i, "status"),
                    i == null ? null : AuctionSummary.text(i, "reason"), i == null ? null : AuctionSummary.text(i, "txHash")));
        }
        return new ResultsView(AuctionSummary.text(results, "status"), stats, rows, settlements != null,
                settlementsProblem);
    }

    private static Stat stat(JsonNode results, String[] s) {
        JsonNode v = results.path(s[0]);
        String value;
        if (v.isMissingNode() || v.isNull()) {
            value = "—";
        } else if (v.isIntegralNumber()) {
            value = io.sovereign.portal.web.Formats.grouped(v.asLong());
        } else {
            value = v.asText();
        }
        return new Stat(s[0], s[1], value);
    }

    /**
     * Settlement still has work to do: results published, and an awarded allocation without an
     * instruction yet (the event is on its way) or with one still PENDING. The page then looks again.
     */
    public boolean pending() {
        return settlementsKnown && allocations.stream().anyMatch(a -> a.accepted() > 0
                && (a.settlementStatus() == null || "PENDING".equals(a.settlementStatus())));
    }

    /** The stop-out as the API wrote it: the high rate, or the low price on PRICE basis; null without one. */
    public static String stopOut(JsonNode results) {
        String v = AuctionSummary.text(results, results.has("lowPrice") ? "lowPrice" : "highRate");
        return v == null || v.isBlank() ? null : v;
    }
}
