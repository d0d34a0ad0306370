package io.sovereign.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import io.sovereign.stack.Service;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

/**
 * Runs an auction in auction-core as the desk and the bidders would, up to the publication that
 * sends its allocations to settlement: desk1 announces a note open now, the bids come in, desk1
 * closes it early (the clearing runs at once), desk2 publishes (four eyes).
 */
final class AuctionDriver {

    /** An announced auction. */
    record Auction(String id, String isin) {
    }

    /** One allocation of the published results. */
    record Award(String allocationId, String bidderId, long accepted) {
    }

    /** A bid to place: who bids (a dealer's token or a retail investor's) and what. */
    record Bid(String token, String path, String body) {

        /** A dealer's competitive bid at {@code rate} (yield, 3 decimals). */
        static Bid competitive(String dealerToken, String rate, long amount) {
            return new Bid(dealerToken, "/bids", "{\"kind\": \"COMPETITIVE\", \"rate\": \"%s\", \"amount\": %d, "
                    .formatted(rate, amount) + "\"netLongPosition\": 0}");
        }

        /** A retail investor's subscription (a non-competitive bid). */
        static Bid subscription(String investorToken, long amount) {
            return new Bid(investorToken, "/subscriptions", "{\"amount\": " + amount + "}");
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private AuctionDriver() {
    }

    static String url(String path) {
        return PlatformStack.url(Service.AUCTION_CORE) + "/api/v1" + path;
    }

    /**
     * Announces a note (new issue: the auction sets its coupon) open from now until an hour from
     * now; returned once OPEN.
     */
    static Auction announceNote(LocalDate issueDate, LocalDate maturityDate, long offeringAmount) {
        String token = Tokens.user("desk1");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String body = """
                {"format": "SINGLE_PRICE", "bidBasis": "YIELD",
                 "security": {"securityType": "NOTE", "issueDate": "%s", "maturityDate": "%s"},
                 "offeringAmount": %d, "maxAwardRatio": "0.35",
                 "biddingOpensAt": "%s", "nonCompetitiveClosesAt": "%s", "competitiveClosesAt": "%s"}"""
                .formatted(issueDate, maturityDate, offeringAmount, now, now.plusSeconds(3000), now.plusSeconds(3600));
        JsonPath a = given().auth().oauth2(token).contentType("application/json").body(body).post(url("/auctions"))
                .then().statusCode(201).extract().jsonPath();
        Auction auction = new Auction(a.getString("auctionId"), a.getString("security.isin"));
        awaitStatus(auction, "OPEN");
        return auction;
    }

    /**
     * Places the bids, {@code parallel} at a time; each must be accepted (201). Through the JDK's
     * HTTP client rather than RestAssured: ten thousand bids from the test JVM, light on memory and CPU.
     */
    static void bid(Auction a, List<Bid> bids, int parallel) {
        Semaphore inFlight = new Semaphore(parallel);
        List<CompletableFuture<Void>> sent = new ArrayList<>(bids.size());
        try {
            for (Bid b : bids) {
                inFlight.acquire();
                HttpRequest request = HttpRequest.newBuilder(URI.create(url("/auctions/" + a.id() + b.path())))
                        .header("Authorization", "Bearer " + b.token()).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(b.body())).build();
                sent.add(HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((r, e) -> {
                    inFlight.release();
                    if (e != null) {
                        throw new IllegalStateException("Bid not sent: " + e.getMessage(), e);
                    }
                    if (r.statusCode() != 201) {
                        throw new IllegalStateException("Bid " + b.body() + " answered " + r.statusCode() + ": " + r.body());
                    }
                    return null;
                }));
            }
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** desk1 closes the auction early; returned once it is cleared (ALLOCATED). */
    static void close(Auction a) {
        given().auth().oauth2(Tokens.user("desk1")).post(url("/auctions/" + a.id() + "/close")).then().statusCode(200);
        awaitStatus(a, "ALLOCATED");
    }

    /** desk2, the supervisor who did not announce it, publishes; the awards with a non-zero amount. */
    static List<Award> publish(Auction a) {
        List<Map<String, Object>> allocations = given().auth().oauth2(Tokens.user("desk2"))
                .post(url("/auctions/" + a.id() + "/publish")).then().statusCode(200).extract().jsonPath()
                .getList("allocations");
        return allocations.stream().filter(m -> ((Number) m.get("accepted")).longValue() > 0)
                .map(m -> new Award((String) m.get("allocationId"), (String) m.get("bidderId"),
                        ((Number) m.get("accepted")).longValue())).toList();
    }

    /** Announce, bid, close, publish. */
    static List<Award> run(Auction a, List<Bid> bids) {
        bid(a, bids, 4);
        close(a);
        return publish(a);
    }

    private static void awaitStatus(Auction a, String status) {
        await().atMost(Duration.ofSeconds(30)).until(() -> status.equals(given().auth().oauth2(Tokens.user("desk1"))
                .get(url("/auctions/" + a.id())).then().statusCode(200).extract().path("status")));
    }
}
