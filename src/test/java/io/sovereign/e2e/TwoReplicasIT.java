package io.sovereign.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import io.sovereign.events.AllocationSettled;
import io.sovereign.events.AuctionClosed;
import io.sovereign.events.AuctionResultsPublished;
import io.sovereign.events.Topics;
import io.sovereign.stack.Service;
import io.sovereign.stack.Stack;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two auction-core and two settlement instances against one stack behave like one: bids arrive
 * through either instance right up to the deadline and every acknowledged one is in the book, the
 * scheduled close and the clearing happen once (one AuctionClosed, one CLOSED audit entry, one
 * result), publication happens once, and the two settlement instances, sharing the consumer group
 * and the database, mint every allocation exactly once.
 */
@ExtendWith(PlatformStack.class)
class TwoReplicasIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final Map<String, String> WALLETS = Map.of(
            "dealer-01", "0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
            "dealer-02", "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC",
            "dealer-03", "0x90F79bf6EB2c4f870365E785982E1f101E93b906");

    /** One bid sent and what it was answered. */
    private record Sent(String instance, int status, String bidId, Instant receivedAt) {
    }

    @Test
    void twoInstancesOfEachServiceCloseClearPublishAndMintOnce() throws Exception {
        Stack stack = PlatformStack.stack();
        int corePort = PlatformStack.config().ports().auctionCore() + 100;
        int settlementPort = PlatformStack.config().ports().settlement() + 100;
        try (Stack.Replica core2 = stack.startReplica(Service.AUCTION_CORE, corePort);
                Stack.Replica settlement2 = stack.startReplica(Service.SETTLEMENT, settlementPort)) {
            String core1 = PlatformStack.url(Service.AUCTION_CORE);
            Map<String, String> dealers = new HashMap<>();
            WALLETS.keySet().forEach(d -> dealers.put(d, Tokens.dealer(d)));
            String desk1 = Tokens.user("desk1");

            // announced through the second instance: the first learns of it from the database
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            Instant closes = now.plusSeconds(12);
            JsonPath announced = given().auth().oauth2(desk1).contentType("application/json")
                    .body(Announcements.note(now, closes.minusSeconds(1), closes))
                    .post(core2.url() + "/api/v1/auctions").then().statusCode(201).extract().jsonPath();
            String auctionId = announced.getString("auctionId");
            String isin = announced.getString("security.isin");
            Instant deadline = Instant.parse(announced.getString("competitiveClosesAt"));
            await().atMost(Duration.ofSeconds(5)).until(() -> "OPEN".equals(status(core1, auctionId, desk1)));

            // bids through both instances, alternately, until just after the deadline
            List<Sent> sent = bidUntil(List.of(core1, core2.url()), auctionId, dealers, deadline.plusMillis(300));
            List<Sent> accepted = sent.stream().filter(s -> s.status() == 201).toList();
            assertThat(accepted).extracting(Sent::instance).contains(core1, core2.url());
            assertThat(accepted).allSatisfy(s -> assertThat(s.receivedAt()).isBefore(deadline));
            assertThat(sent).allSatisfy(s -> assertThat(s.status()).as("bid answered %s", s.status()).isIn(201, 409));

            // closed and cleared once, by whichever instance came last, with every acknowledged bid
            await().atMost(Duration.ofSeconds(20)).until(() -> "ALLOCATED".equals(status(core1, auctionId, desk1)));
            JsonPath results = given().auth().oauth2(desk1).get(core2.url() + "/api/v1/auctions/" + auctionId + "/results")
                    .then().statusCode(200).extract().jsonPath();
            Set<String> inResults = Set.copyOf(results.getList("allocations.bidId", String.class));
            assertThat(inResults).containsExactlyInAnyOrderElementsOf(accepted.stream().map(Sent::bidId).toList());
            assertThat(TopicRecords.events(Topics.AUCTION_EVENTS, auctionId, AuctionClosed.class))
                    .singleElement().satisfies(c -> assertThat(c.bidCount()).isEqualTo(accepted.size()));
            try (Connection db = PlatformStack.database(Service.AUCTION_CORE)) {
                assertThat(count(db, "select count(*) from audit_entry where auction_id = ? and action = 'CLOSED'",
                        auctionId)).isEqualTo(1);
                assertThat(count(db, "select count(*) from auction_result where auction_id = ?", auctionId)).isEqualTo(1);
                assertThat(count(db, "select count(*) from close_drain where auction_id = ?", auctionId))
                        .as("both instances wrote their bids before the close").isEqualTo(2);
            }

            // published once: through the second instance; the first then refuses a second publication
            List<Map<String, Object>> allocations = given().auth().oauth2(Tokens.user("desk2"))
                    .post(core2.url() + "/api/v1/auctions/" + auctionId + "/publish").then().statusCode(200)
                    .extract().jsonPath().getList("allocations");
            given().auth().oauth2(Tokens.user("desk2")).post(core1 + "/api/v1/auctions/" + auctionId + "/publish")
                    .then().statusCode(409);
            assertThat(TopicRecords.events(Topics.AUCTION_EVENTS, auctionId, AuctionResultsPublished.class)).hasSize(1)
                    .allSatisfy(r -> assertThat(r.allocationCount()).isEqualTo(allocations.size()));

            // two settlement instances: every allocation SETTLED, minted once, balances equal the awards
            Map<String, Long> awarded = new HashMap<>();
            List<String> awardIds = new ArrayList<>();
            for (Map<String, Object> a : allocations) {
                long amount = ((Number) a.get("accepted")).longValue();
                if (amount > 0) {
                    awarded.merge((String) a.get("bidderId"), amount, Long::sum);
                    awardIds.add((String) a.get("allocationId"));
                }
            }
            Map<String, SettlementApi.Instruction> settled = SettlementApi.awaitFinal(auctionId, awardIds.size(),
                    Duration.ofSeconds(120));
            assertThat(settled.values()).allSatisfy(i -> assertThat(i.status()).isEqualTo("SETTLED"));
            String token = SettlementApi.awaitToken(isin);
            for (String id : awardIds) {
                assertThat(Chain.mintEvents(token, id)).as("mints of allocation %s", id).isEqualTo(1);
            }
            awarded.forEach((dealer, amount) -> assertThat(Chain.balanceOf(token, WALLETS.get(dealer)))
                    .as("%s's balance", dealer).isEqualTo(amount));
            assertThat(Chain.totalSupply(token)).isEqualTo(awarded.values().stream().mapToLong(Long::longValue).sum());
            Map<String, List<String>> settledEvents = SettlementApi.eventIds(AllocationSettled.class);
            for (String id : awardIds) {
                assertThat(settledEvents.get(id)).as("AllocationSettled of %s", id).hasSize(1);
            }
        }
    }

    /** Sends competitive bids round-robin through the instances, six in flight, until {@code until}. */
    private static List<Sent> bidUntil(List<String> instances, String auctionId, Map<String, String> dealers,
            Instant until) throws InterruptedException {
        ConcurrentLinkedQueue<Sent> answers = new ConcurrentLinkedQueue<>();
        List<CompletableFuture<Void>> inFlight = new ArrayList<>();
        Semaphore slots = new Semaphore(6);
        List<String> dealerIds = List.copyOf(dealers.keySet());
        int n = 0;
        while (Instant.now().isBefore(until)) {
            slots.acquire();
            String instance = instances.get(n % instances.size());
            String dealer = dealerIds.get(n % dealerIds.size());
            String rate = BigDecimal.valueOf(3_000 + n % 500, 3).toPlainString();
            String body = "{\"kind\": \"COMPETITIVE\", \"rate\": \"" + rate + "\", \"amount\": 1000000, \"netLongPosition\": 0}";
            HttpRequest request = HttpRequest.newBuilder(URI.create(instance + "/api/v1/auctions/" + auctionId + "/bids"))
                    .header("Authorization", "Bearer " + dealers.get(dealer)).header("Content-Type", "application/json")
                    .header("Idempotency-Key", auctionId + "-" + n).POST(HttpRequest.BodyPublishers.ofString(body)).build();
            inFlight.add(HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((r, e) -> {
                slots.release();
                if (e != null) {
                    throw new IllegalStateException("Bid not sent: " + e.getMessage(), e);
                }
                JsonPath json = r.statusCode() == 201 ? new JsonPath(r.body()) : null;
                answers.add(new Sent(instance, r.statusCode(), json == null ? null : json.getString("bidId"),
                        json == null ? null : Instant.parse(json.getString("receivedAt"))));
                return null;
            }));
            n++;
        }
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).join();
        return List.copyOf(answers);
    }

    private static String status(String instance, String auctionId, String token) {
        return given().auth().oauth2(token).get(instance + "/api/v1/auctions/" + auctionId).then().statusCode(200)
                .extract().path("status");
    }

    private static long count(Connection db, String sql, String auctionId) throws SQLException {
        try (var ps = db.prepareStatement(sql)) {
            ps.setString(1, auctionId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
