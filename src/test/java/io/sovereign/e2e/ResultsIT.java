package io.sovereign.e2e;

import static io.sovereign.e2e.AuctionCore.as;
import static io.sovereign.e2e.AuctionCore.competitive;
import static io.sovereign.e2e.AuctionCore.nonCompetitive;
import static io.sovereign.e2e.AuctionCore.ownBids;
import static io.sovereign.e2e.AuctionCore.placeBid;
import static io.sovereign.e2e.AuctionCore.url;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.response.Response;
import io.sovereign.e2e.AuctionCore.Auction;
import io.sovereign.events.AllocationsPublished;
import io.sovereign.events.AuctionResultsPublished;
import io.sovereign.events.Topics;
import io.sovereign.stack.Service;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An auction closes by itself, is cleared at once, and is published by a supervisor who did not
 * announce it; each role sees what API.md grants it, the published figures are what the clearing
 * engine makes of the stored bids, and settlement is told once, with every allocation.
 */
@ExtendWith(PlatformStack.class)
class ResultsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String D1 = "dealer-01";
    private static final String D2 = "dealer-02";
    private static final String D3 = "dealer-03";
    private static final String RETAIL1_WALLET = "0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65";

    /**
     * Offering 1,000,000,000, caps 350,000,000. After 5,000 non-competitive, 3.100 (300m) and 3.120
     * (dealer-02 capped at 350m) are filled; at 3.150 dealer-01 has 50m of cap left and dealer-03 350m
     * for 349,995,000 remaining: 87.49875% rounded up to 87.50%. 3.300 gets nothing.
     */
    @Test
    void theAuctionClosesByItselfAndAnotherSupervisorPublishesWhatEachRoleMaySee() throws Exception {
        String supervisor = KeycloakUsers.username(KeycloakUsers.create("supervisor", "auction-supervisor"));
        // tokens before the clock runs
        List.of("desk1", "desk2", "auditor1", "retail1", supervisor).forEach(Tokens::user);
        List.of(D1, D2, D3).forEach(Tokens::dealer);
        // a window wide enough for the bids below on a loaded machine; the test then waits for the close
        Auction a = AuctionCore.open("desk2", Duration.ofSeconds(20), Duration.ofSeconds(21));
        // before the clearing: nothing for anyone
        results(Tokens.user("desk1"), a).then().statusCode(409);
        results(Tokens.dealer(D1), a).then().statusCode(404);
        allocationsOf(Tokens.dealer(D1), a).then().statusCode(409);

        String retail = AuctionCore.subscribe(Tokens.user("retail1"), a.id(), 5_000).then().statusCode(201)
                .extract().path("bidId");
        String d1a = placeBid(Tokens.dealer(D1), a.id(), competitive("3.100", 300_000_000));
        String d1b = placeBid(Tokens.dealer(D1), a.id(), competitive("3.150", 200_000_000));
        String d2a = placeBid(Tokens.dealer(D2), a.id(), competitive("3.120", 400_000_000));
        String d2w = placeBid(Tokens.dealer(D2), a.id(), competitive("3.050", 100_000_000));
        String d3a = placeBid(Tokens.dealer(D3), a.id(), competitive("3.150", 500_000_000));
        String d3b = placeBid(Tokens.dealer(D3), a.id(), competitive("3.300", 100_000_000));
        AuctionCore.withdraw(Tokens.dealer(D2), a.id(), d2w).then().statusCode(200);

        // the desk watches the live book; the withdrawn bid is not in it; dealers do not see it
        for (String officer : List.of("desk1", "desk2")) {
            Object cover = as(Tokens.user(officer)).get(url("/auctions/" + a.id() + "/book")).then().statusCode(200)
                    .body("auctionId", equalTo(a.id()))
                    .body("offeringAmount", equalTo(1_000_000_000))
                    .body("nonCompetitive", equalTo(5_000))
                    .body("totalTendered", equalTo(1_500_005_000))
                    .body("levels.rate", contains("3.100", "3.120", "3.150", "3.300"))
                    .body("levels.amount", contains(300_000_000, 400_000_000, 700_000_000, 100_000_000))
                    .body("levels.cumulative", contains(300_000_000, 700_000_000, 1_400_000_000, 1_500_000_000))
                    .extract().path("cover");
            assertThat(new BigDecimal(String.valueOf(cover)).doubleValue()).isCloseTo(1.50, within(0.01));
        }
        as(Tokens.dealer(D1)).get(url("/auctions/" + a.id() + "/book")).then().statusCode(403);

        AuctionCore.awaitAllocated(a);
        for (String officer : List.of("desk1", "desk2", supervisor)) {
            results(Tokens.user(officer), a).then().statusCode(200)
                    .body("auctionId", equalTo(a.id()))
                    .body("status", equalTo("ALLOCATED"))
                    .body("highRate", equalTo("3.150"))
                    .body("lowRate", equalTo("3.100"))
                    .body("medianRate", equalTo("3.120"))
                    .body("allotmentPercentage", equalTo("87.50"))
                    .body("totalTendered", equalTo(1_500_005_000))
                    .body("totalAccepted", equalTo(1_000_005_000))
                    .body("allocations.find { it.bidId == '" + retail + "' }.accepted", equalTo(5_000))
                    .body("allocations.find { it.bidId == '" + d1a + "' }.accepted", equalTo(300_000_000))
                    .body("allocations.find { it.bidId == '" + d1b + "' }.accepted", equalTo(43_750_000))
                    .body("allocations.find { it.bidId == '" + d2a + "' }.accepted", equalTo(350_000_000))
                    .body("allocations.find { it.bidId == '" + d3a + "' }.accepted", equalTo(306_250_000))
                    .body("allocations.find { it.bidId == '" + d3b + "' }.accepted", equalTo(0))
                    .body("allocations.find { it.bidId == '" + d2w + "' }", nullValue())
                    .body("$", not(hasKey("receiptHeads"))); // published with the results, not before
        }
        for (String token : List.of(Tokens.dealer(D1), Tokens.user("auditor1"), Tokens.user("retail1"))) {
            results(token, a).then().statusCode(404);
        }
        allocationsOf(Tokens.dealer(D1), a).then().statusCode(409);

        // four eyes: neither a desk officer without the role nor the supervisor who announced it
        publish("desk1", a).then().statusCode(403);
        publish("desk2", a).then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsStringIgnoringCase("four eyes"));
        JsonNode published = read(publish(supervisor, a).then().statusCode(200)
                .body("status", equalTo("PUBLISHED")).extract().asString());
        publish(supervisor, a).then().statusCode(409);
        assertThat(AuctionCore.status(a.id())).isEqualTo("PUBLISHED");

        // public without per-bidder awards; the auditor sees them all
        for (String token : List.of(Tokens.dealer(D2), Tokens.user("retail1"))) {
            results(token, a).then().statusCode(200)
                    .body("status", equalTo("PUBLISHED"))
                    .body("highRate", equalTo("3.150"))
                    .body("$", not(hasKey("allocations")))
                    .body("$", not(hasKey("allocationsDigest")));
        }
        JsonNode audited = read(results(Tokens.user("auditor1"), a).then().statusCode(200).extract().asString());
        assertThat(audited).isEqualTo(published);
        assertThat(published.get("allocations")).hasSize(6)
                .allSatisfy(n -> assertThat(n.path("allocationId").asText()).isNotBlank());

        Map<String, JsonNode> awards = new HashMap<>();
        for (String token : List.of(Tokens.dealer(D1), Tokens.dealer(D2), Tokens.dealer(D3), Tokens.user("retail1"))) {
            assertOnlyOwnAwards(token, a, published).forEach(n -> awards.put(n.get("allocationId").asText(), n));
        }
        as(Tokens.user("retail1")).get(url("/subscriptions")).then().statusCode(200)
                .body("find { it.bidId == '" + retail + "' }.auctionStatus", equalTo("PUBLISHED"))
                .body("find { it.bidId == '" + retail + "' }.accepted", equalTo(5_000))
                .body("find { it.bidId == '" + retail + "' }.price", equalTo(published.get("price").asText()));

        // every bidder's receipt chain, recomputed from its own bids, ends at its published head; the
        // auditor sees every bidder's head, a bidder only its own (who bid stays confidential)
        List<Map<String, Object>> heads = results(Tokens.user("auditor1"), a).then().statusCode(200)
                .extract().jsonPath().getList("receiptHeads");
        assertThat(heads).extracting(h -> h.get("bidderId")).containsExactlyInAnyOrder(D1, D2, D3,
                ownBids(Tokens.user("retail1"), a.id()).get(0).get("bidderId"));
        for (String token : List.of(Tokens.dealer(D1), Tokens.dealer(D2), Tokens.dealer(D3), Tokens.user("retail1"))) {
            List<Map<String, Object>> own = ownBids(token, a.id());
            List<Map<String, Object>> visible = results(token, a).then().statusCode(200).extract().jsonPath()
                    .getList("receiptHeads");
            assertThat(visible).extracting(h -> h.get("bidderId")).containsExactly(own.get(0).get("bidderId"));
            BidReceipts.assertHeads(own, visible);
            BidReceipts.assertHeads(own, heads);
        }
        assertThat(heads).filteredOn(h -> D2.equals(h.get("bidderId"))).extracting(h -> h.get("bids"))
                .containsExactly(2); // the withdrawn bid stays in its chain

        assertTheStoredBidsClearAsPublished(a, published);
        assertThePublicationIsAnnouncedOnceWithEveryAllocation(a, published, awards);
    }

    @Test
    void anAuctionWithoutCompetitiveBidsHasNoStopOutAndCannotBePublished() {
        Auction a = AuctionCore.open("desk1", Duration.ofSeconds(9), Duration.ofSeconds(10)); // room for a loaded machine
        placeBid(Tokens.dealer(D3), a.id(), nonCompetitive(5_000));
        AuctionCore.awaitAllocated(a);
        results(Tokens.user("desk2"), a).then().statusCode(200)
                .body("highRate", nullValue())
                .body("allotmentPercentage", nullValue())
                .body("allocations.accepted", contains(5_000));
        publish("desk2", a).then().statusCode(409).contentType("application/problem+json");
        assertThat(AuctionCore.status(a.id())).isEqualTo("ALLOCATED");
    }

    private static Response results(String token, Auction a) {
        return as(token).get(url("/auctions/" + a.id() + "/results"));
    }

    private static Response publish(String user, Auction a) {
        return as(Tokens.user(user)).post(url("/auctions/" + a.id() + "/publish"));
    }

    private static Response allocationsOf(String token, Auction a) {
        return as(token).get(url("/auctions/" + a.id() + "/allocations/me"));
    }

    /** The caller's awards: only its own bids, and each of its non-zero awards as published. */
    private static List<JsonNode> assertOnlyOwnAwards(String token, Auction a, JsonNode published) throws Exception {
        List<Map<String, Object>> bids = ownBids(token, a.id());
        String bidder = (String) bids.get(0).get("bidderId");
        List<Object> ownBidIds = bids.stream().map(b -> b.get("bidId")).toList();
        List<JsonNode> mine = new ArrayList<>();
        read(allocationsOf(token, a).then().statusCode(200).extract().asString()).forEach(mine::add);
        assertThat(mine).extracting(n -> (Object) n.get("bidId").asText()).isSubsetOf(ownBidIds);
        Map<String, JsonNode> byId = byAllocationId(published.get("allocations"));
        assertThat(mine).allSatisfy(n -> {
            JsonNode p = byId.get(n.get("allocationId").asText());
            assertThat(p).as("published allocation %s", n.get("allocationId")).isNotNull();
            assertThat(n.get("bidId")).isEqualTo(p.get("bidId"));
            assertThat(n.get("accepted")).isEqualTo(p.get("accepted"));
            assertThat(text(n, "price")).isEqualTo(text(p, "price"));
        });
        List<String> awarded = new ArrayList<>();
        byId.forEach((id, p) -> {
            if (bidder.equals(p.get("bidderId").asText()) && p.get("accepted").asLong() > 0) {
                awarded.add(id);
            }
        });
        assertThat(mine).extracting(n -> n.get("allocationId").asText()).containsAll(awarded);
        return mine;
    }

    /** RECOMPUTE: the stored, not withdrawn bids, cleared by the simulation on the auction's terms. */
    private static void assertTheStoredBidsClearAsPublished(Auction a, JsonNode published) throws Exception {
        JsonNode auction = read(as(Tokens.user("desk1")).get(url("/auctions/" + a.id())).then().statusCode(200)
                .extract().asString());
        ObjectNode request = JSON.createObjectNode();
        for (String term : List.of("format", "bidBasis", "security", "offeringAmount", "maxAwardRatio",
                "nonCompetitiveLimit", "minimumBid", "bidMultiple", "rateIncrement", "priceIncrement")) {
            if (auction.hasNonNull(term)) {
                request.set(term, auction.get(term));
            }
        }
        String valueField = "PRICE".equals(auction.get("bidBasis").asText()) ? "price" : "rate";
        int scale = new BigDecimal(auction.get(valueField + "Increment").asText()).scale();
        ArrayNode bids = request.putArray("bids");
        try (Connection c = PlatformStack.database(Service.AUCTION_CORE);
                PreparedStatement q = c.prepareStatement("select bid_id, bidder_id, kind, bid_value, amount,"
                        + " net_long_position from bid where auction_id = ?"
                        + " and bid_id not in (select bid_id from bid_withdrawal) order by seq")) {
            q.setString(1, a.id());
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    ObjectNode bid = bids.addObject().put("bidId", rs.getString("bid_id"))
                            .put("bidderId", rs.getString("bidder_id")).put("kind", rs.getString("kind"));
                    BigDecimal value = rs.getBigDecimal("bid_value");
                    if (value != null) {
                        bid.put(valueField, value.setScale(scale, RoundingMode.UNNECESSARY).toPlainString());
                    }
                    bid.put("amount", rs.getLong("amount")).put("netLongPosition", rs.getLong("net_long_position"));
                }
            }
        }
        assertThat(bids).hasSize(6);
        JsonNode simulated = read(as(Tokens.user("desk1")).contentType("application/json").body(request.toString())
                .post(url("/auctions/simulate")).then().statusCode(200).extract().asString());
        assertThat(comparable(simulated)).isEqualTo(comparable(published));
    }

    /**
     * EVENT: AuctionResultsPublished once on auction.events.v1, keyed by the auction, without the
     * allocations; every allocation in its AllocationsPublished chunk(s) on the same key.
     */
    private static void assertThePublicationIsAnnouncedOnceWithEveryAllocation(Auction a, JsonNode published,
            Map<String, JsonNode> awards) throws Exception {
        List<String> events = await().atMost(Duration.ofSeconds(30)).until(
                () -> TopicRecords.values(Topics.AUCTION_EVENTS, a.id(), AuctionResultsPublished.class), e -> !e.isEmpty());
        assertThat(events).hasSize(1);
        JsonNode data = read(events.get(0)).get("data");
        assertThat(data.get("auctionId").asText()).isEqualTo(a.id());
        assertThat(data.has("allocations")).isFalse();
        assertThat(data.get("allocationCount").asInt()).isEqualTo(published.get("allocations").size())
                .isEqualTo(published.get("allocationCount").asInt());
        assertThat(published.get("allocationsDigest").asText()).matches("[0-9a-f]{64}");
        List<String> chunks = TopicRecords.values(Topics.AUCTION_EVENTS, a.id(), AllocationsPublished.class);
        assertThat(chunks).hasSize(data.get("chunkCount").asInt());
        ArrayNode all = JSON.createArrayNode();
        for (String chunk : chunks) {
            all.addAll((ArrayNode) read(chunk).get("data").get("allocations"));
        }
        Map<String, JsonNode> sent = byAllocationId(all);
        Map<String, JsonNode> expected = byAllocationId(published.get("allocations"));
        assertThat(sent.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        expected.forEach((id, p) -> {
            JsonNode e = sent.get(id);
            for (String field : List.of("bidId", "bidderId", "kind", "accepted", "price")) {
                assertThat(text(e, field)).as("%s of allocation %s", field, id).isEqualTo(text(p, field));
            }
            assertThat(text(e, "auctionId")).isEqualTo(a.id());
            assertThat(text(e, "isin")).isEqualTo(a.isin());
            assertThat(text(e, "issueDate")).isNotBlank();
        });
        assertThat(sent.values()).filteredOn(e -> "NONCOMPETITIVE".equals(text(e, "kind")))
                .extracting(e -> text(e, "walletAddress")).containsExactly(RETAIL1_WALLET);
        // what each bidder is told it owes is what settlement is told to collect
        awards.values().stream().filter(award -> award.get("accepted").asLong() > 0).forEach(award -> {
            String id = award.get("allocationId").asText();
            for (String field : List.of("accruedInterest", "settlementAmount")) {
                assertThat(text(sent.get(id), field)).as("%s of allocation %s", field, id).isNotNull();
                assertThat(new BigDecimal(text(sent.get(id), field))).as("%s of allocation %s", field, id)
                        .isEqualByComparingTo(new BigDecimal(text(award, field)));
            }
        });
    }

    /** Results without what only a stored auction has (auctionId, status, allocationIds), allocations by bidId. */
    private static JsonNode comparable(JsonNode results) {
        ObjectNode r = results.deepCopy();
        r.remove(List.of("auctionId", "status", "receiptHeads", "publishedAt", "allocationCount", "allocationsDigest"));
        List<JsonNode> allocations = new ArrayList<>();
        r.get("allocations").forEach(n -> allocations.add(((ObjectNode) n.deepCopy()).without("allocationId")));
        allocations.sort(Comparator.comparing(n -> n.get("bidId").asText()));
        r.putArray("allocations").addAll(allocations);
        return r;
    }

    private static Map<String, JsonNode> byAllocationId(JsonNode allocations) {
        Map<String, JsonNode> m = new HashMap<>();
        allocations.forEach(n -> m.put(n.get("allocationId").asText(), n));
        return m;
    }

    /** A member as text, null when absent or null. */
    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    private static JsonNode read(String json) throws Exception {
        return JSON.readTree(json);
    }
}
