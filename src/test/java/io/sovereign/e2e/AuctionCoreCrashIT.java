package io.sovereign.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.RestAssured;
import io.sovereign.e2e.AuctionDriver.Auction;
import io.sovereign.events.AuctionClosed;
import io.sovereign.events.Topics;
import io.sovereign.stack.DevUsers;
import io.sovereign.stack.Service;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * auction-core killed with SIGKILL in the middle of a bid storm (8 bids in flight from the three
 * dealers) and started again. Every bid that got no answer is sent again with the same
 * Idempotency-Key, as a dealer's system retries. Afterwards every acknowledged bid is stored, once,
 * its receipt in a chain that still verifies, and the auction clears with exactly these bids.
 */
@Tag("faults")
@ExtendWith(PlatformStack.class)
class AuctionCoreCrashIT {

    private static final int SENDERS = 8;
    private static final int BIDS_PER_SENDER = 50;
    private static final int TOTAL = SENDERS * BIDS_PER_SENDER;
    /** The kill comes once this many bids are acknowledged: well inside the storm. */
    private static final int KILL_AFTER = 100;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** A bid a dealer's system sent and the 201 it finally got. */
    record Ack(String dealer, String key, String bidId, String receipt, Instant receivedAt, int attempts) {
    }

    private final AtomicInteger acknowledged = new AtomicInteger();
    private final AtomicInteger unanswered = new AtomicInteger();
    private final AtomicInteger unavailable = new AtomicInteger();

    @Test
    void everyAcknowledgedBidIsStoredOnceAfterACrashMidStorm() throws Exception {
        DevUsers.DEALERS.forEach(Tokens::dealer);
        Tokens.user("desk1");
        LocalDate issue = LocalDate.now().plusDays(7);
        // 400 bids of 100,000 against 1,000,000,000: every bid is awarded in full
        Auction a = AuctionDriver.announceNote(issue, issue.plusYears(5), 1_000_000_000L);

        Queue<Ack> acks = new ConcurrentLinkedQueue<>();
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        List<CompletableFuture<Void>> storm = new ArrayList<>();
        for (int s = 0; s < SENDERS; s++) {
            String dealer = DevUsers.DEALERS.get(s % DevUsers.DEALERS.size());
            int sender = s;
            storm.add(CompletableFuture.runAsync(() -> {
                for (int i = 0; i < BIDS_PER_SENDER; i++) {
                    String rate = new BigDecimal("3.100").add(BigDecimal.valueOf((sender * 7 + i) % 50, 3)).toPlainString();
                    acks.add(sendUntilAcknowledged(a, dealer, AuctionCore.competitive(rate, 100_000)));
                }
            }, senders));
        }
        Instant killedAt;
        int acknowledgedAtKill;
        try {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(5))
                    .until(() -> acknowledged.get() >= KILL_AFTER || storm.stream().anyMatch(CompletableFuture::isDone));
            PlatformStack.stack().killService(Service.AUCTION_CORE);
            killedAt = Instant.now();
            acknowledgedAtKill = acknowledged.get();
            PlatformStack.stack().startService(Service.AUCTION_CORE);
            CompletableFuture.allOf(storm.toArray(CompletableFuture[]::new)).get(240, TimeUnit.SECONDS);
        } finally {
            senders.shutdownNow();
        }
        long replayed = acks.stream().filter(k -> k.attempts() > 1 && k.receivedAt().isBefore(killedAt)).count();
        System.out.printf("auction-core killed with %d of %d bids acknowledged; %d requests unanswered, %d answered 503, "
                + "%d bids stored before the kill acknowledged only by a retry%n", acknowledgedAtKill, TOTAL,
                unanswered.get(), unavailable.get(), replayed);
        assertThat(acknowledgedAtKill).as("bids acknowledged when auction-core was killed").isLessThan(TOTAL);
        assertThat(unanswered.get()).as("requests cut off by the kill or sent while auction-core was down").isPositive();

        // one bid per key, one key per bid
        assertThat(acks).hasSize(TOTAL);
        Map<String, String> keyByBid = acks.stream().collect(Collectors.toMap(Ack::bidId, Ack::key));
        assertThat(keyByBid).as("distinct bid ids among the acknowledgements").hasSize(TOTAL);

        // what the dealers list: their acknowledged bids, each once, with the receipt they were given
        List<Map<String, Object>> listed = AuctionCore.dealersBids(a.id());
        assertThat(listed).extracting(b -> (String) b.get("bidId")).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(keyByBid.keySet());
        Map<String, Ack> ackByBid = acks.stream().collect(Collectors.toMap(Ack::bidId, k -> k));
        assertThat(listed).allSatisfy(b -> {
            Ack ack = ackByBid.get((String) b.get("bidId"));
            assertThat(b.get("bidderId")).isEqualTo(ack.dealer());
            assertThat(b.get("receipt")).isEqualTo(ack.receipt());
            assertThat(Instant.parse((String) b.get("receivedAt"))).isEqualTo(ack.receivedAt());
        });
        BidReceipts.assertChain(listed);

        // the database: one row per acknowledged bid and key, and the auction's count and chain head on them
        Map<String, String> stored = new HashMap<>();
        try (Connection c = PlatformStack.database(Service.AUCTION_CORE);
                PreparedStatement ps = c.prepareStatement("select bid_id, idem_key from bid where auction_id = ?")) {
            ps.setString(1, a.id());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    assertThat(stored.put(rs.getString(1), rs.getString(2))).as("bid %s", rs.getString(1)).isNull();
                }
            }
        }
        assertThat(stored).isEqualTo(keyByBid);
        try (Connection c = PlatformStack.database(Service.AUCTION_CORE); PreparedStatement ps = c.prepareStatement(
                "select count(*) filter (where inverted) from (select received_at < lag(received_at) over (order by seq) "
                        + "as inverted from bid where auction_id = ?) t")) {
            ps.setString(1, a.id());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                System.out.printf("%d bids chained after a bid received later (concurrent intake)%n", rs.getInt(1));
            }
        }
        assertThat(new HashSet<>(stored.values())).as("distinct idempotency keys stored").hasSize(TOTAL);

        // the auction closes and clears on exactly these bids
        AuctionDriver.close(a);
        List<AuctionClosed> closed = await().atMost(Duration.ofSeconds(60))
                .until(() -> TopicRecords.events(Topics.AUCTION_EVENTS, a.id(), AuctionClosed.class), e -> !e.isEmpty());
        assertThat(closed).hasSize(1);
        assertThat(closed.get(0).bidCount()).isEqualTo(TOTAL);
        List<String> allocated = RestAssured.given().auth().oauth2(Tokens.user("desk1"))
                .get(AuctionDriver.url("/auctions/" + a.id() + "/results")).then().statusCode(200)
                .extract().jsonPath().getList("allocations.bidId");
        assertThat(allocated).containsExactlyInAnyOrderElementsOf(keyByBid.keySet());
    }

    /**
     * A dealer's system: sends the bid under a new Idempotency-Key and, while it gets no answer
     * (connection refused or cut, or 503), sends it again with the same key; anything but 201 or
     * 503 fails the test.
     */
    private Ack sendUntilAcknowledged(Auction a, String dealer, String body) {
        String key = UUID.randomUUID().toString();
        AtomicInteger attempts = new AtomicInteger();
        Ack[] ack = new Ack[1];
        await().atMost(Duration.ofSeconds(180)).pollInSameThread().pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(200)).until(() -> {
                    attempts.incrementAndGet();
                    HttpRequest request = HttpRequest.newBuilder(URI.create(AuctionDriver.url("/auctions/" + a.id() + "/bids")))
                            .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + Tokens.dealer(dealer))
                            .header("Idempotency-Key", key).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                    HttpResponse<String> r;
                    try {
                        r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                    } catch (IOException e) {
                        unanswered.incrementAndGet();
                        return false;
                    }
                    if (r.statusCode() == 503) {
                        unavailable.incrementAndGet();
                        return false;
                    }
                    assertThat(r.statusCode()).as("answer to bid %s (key %s): %s", body, key, r.body()).isEqualTo(201);
                    var json = io.restassured.path.json.JsonPath.from(r.body());
                    ack[0] = new Ack(dealer, key, json.getString("bidId"), json.getString("receipt"),
                            Instant.parse(json.getString("receivedAt")), attempts.get());
                    return true;
                });
        acknowledged.incrementAndGet();
        return ack[0];
    }
}
