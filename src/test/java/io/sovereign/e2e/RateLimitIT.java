package io.sovereign.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.response.Response;
import io.sovereign.stack.Service;
import io.sovereign.stack.Stack;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The per-bidder rate limit of bid and subscription submissions, on an auction-core instance of
 * its own started with a small limit (burst 5, 1 per second; the stack's defaults sit above the
 * load benchmark's rate): a dealer past its burst is answered 429 with Retry-After and nothing is
 * stored, another dealer bids on meanwhile, and the refused bid goes through later with the same
 * Idempotency-Key.
 */
@ExtendWith(PlatformStack.class)
class RateLimitIT {

    private static final int BURST = 5;
    private static final int SENT = 40;

    /** One submission and its answer. */
    private record Sent(String key, long amount, Response response) {
    }

    @Test
    void aDealerPastItsBurstIsRefusedAndNothingOfItIsStored() throws Exception {
        Stack stack = PlatformStack.stack();
        int port = PlatformStack.config().ports().auctionCore() + 200;
        LocalDate issue = LocalDate.now(ZoneOffset.UTC).plusDays(3);
        AuctionDriver.Auction a = AuctionDriver.announceNote(issue, issue.plusYears(5), 50_000_000);
        String d1 = Tokens.dealer("dealer-01");
        String d2 = Tokens.dealer("dealer-02");
        try (Stack.Replica limited = stack.startReplica(Service.AUCTION_CORE, port,
                Map.of("BID_RATE_LIMIT_PER_SECOND", "1", "BID_RATE_LIMIT_BURST", Integer.toString(BURST)))) {
            String bids = limited.url() + "/api/v1/auctions/" + a.id() + "/bids";
            List<Sent> sent = sendAtOnce(SENT, i -> bid(d1, bids, 100_000 + 100L * i));
            List<Sent> accepted = sent.stream().filter(s -> s.response().statusCode() == 201).toList();
            List<Sent> refused = sent.stream().filter(s -> s.response().statusCode() == 429).toList();
            assertThat(accepted.size() + refused.size()).as("every answer is 201 or 429").isEqualTo(SENT);
            assertThat(accepted).as("the burst is taken").hasSizeGreaterThanOrEqualTo(BURST);
            assertThat(refused).as("past the burst").isNotEmpty();
            Response tooMany = refused.get(0).response();
            assertThat(tooMany.contentType()).startsWith("application/problem+json");
            assertThat(Integer.parseInt(tooMany.header("Retry-After"))).isBetween(1, 5);
            assertThat(tooMany.jsonPath().getInt("status")).isEqualTo(429);
            assertThat(tooMany.jsonPath().getString("detail"))
                    .contains("Rate limit of 1 submissions per second (burst 5) exceeded for dealer-01")
                    .contains("nothing was stored");

            // another dealer is not affected: its own burst goes through at once
            for (Sent s : sendAtOnce(BURST, i -> bid(d2, bids, 200_000 + 100L * i))) {
                assertThat(s.response().statusCode()).as(s.response().asString()).isEqualTo(201);
            }

            // stored: exactly the accepted bids; none of the refused amounts
            List<Map<String, Object>> own = AuctionCore.ownBids(d1, a.id());
            assertThat(own).extracting(b -> b.get("bidId"))
                    .containsExactlyInAnyOrderElementsOf(accepted.stream().map(s -> s.response().<String>path("bidId")).toList());
            List<Long> storedAmounts = own.stream().map(b -> ((Number) b.get("amount")).longValue()).toList();
            assertThat(storedAmounts).doesNotContainAnyElementsOf(refused.stream().map(Sent::amount).toList());

            // the refused bid, sent again with the same key once the bucket has refilled, is stored once
            Sent retry = refused.get(0);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> bid(d1, bids, retry.amount(), retry.key()).response().statusCode() == 201);
            assertThat(AuctionCore.ownBids(d1, a.id())).filteredOn(b -> ((Number) b.get("amount")).longValue() == retry.amount())
                    .hasSize(1);

            // subscriptions share the limit per investor
            String subscriptions = limited.url() + "/api/v1/auctions/" + a.id() + "/subscriptions";
            String retail1 = Tokens.user("retail1");
            List<Sent> subs = sendAtOnce(SENT / 2, i -> {
                String key = UUID.randomUUID().toString();
                return new Sent(key, 100, given().auth().oauth2(retail1).contentType("application/json")
                        .header("Idempotency-Key", key).body("{\"amount\": 100}").post(subscriptions));
            });
            assertThat(subs).extracting(s -> s.response().statusCode()).contains(429).containsOnly(201, 429);
        }
    }

    private static Sent bid(String token, String url, long amount) {
        return bid(token, url, amount, UUID.randomUUID().toString());
    }

    private static Sent bid(String token, String url, long amount, String key) {
        return new Sent(key, amount, given().auth().oauth2(token).contentType("application/json")
                .header("Idempotency-Key", key).body(AuctionCore.competitive("3.250", amount)).post(url));
    }

    private static List<Sent> sendAtOnce(int n, java.util.function.IntFunction<Sent> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Sent>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> request.apply(index)));
            }
            List<Sent> out = new ArrayList<>();
            for (Future<Sent> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdown();
        }
    }
}
