package io.sovereign.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.sovereign.stack.DevUsers;
import io.sovereign.stack.Service;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/** auction-core as its users call it: announcing on a schedule, bidding, watching the status. */
final class AuctionCore {

    /** An announced auction: the instants as the server stored them. */
    record Auction(String id, String isin, Instant opensAt, Instant nonCompetitiveClosesAt, Instant closesAt) {
    }

    private AuctionCore() {
    }

    /** A URL under /api/v1 of auction-core. */
    static String url(String path) {
        return PlatformStack.url(Service.AUCTION_CORE) + "/api/v1" + path;
    }

    /** A request with this bearer token, or without any when it is null. */
    static RequestSpecification as(String token) {
        RequestSpecification spec = given();
        return token == null ? spec : spec.auth().oauth2(token);
    }

    /** Announces {@link Announcements#note(Instant, Instant, Instant)} as this desk officer. */
    static Auction announce(String officer, Instant opens, Instant nonCompetitiveCloses, Instant closes) {
        return announceWith(Tokens.user(officer), opens, nonCompetitiveCloses, closes);
    }

    private static Auction announceWith(String token, Instant opens, Instant nonCompetitiveCloses, Instant closes) {
        JsonPath a = as(token).contentType("application/json")
                .body(Announcements.note(opens, nonCompetitiveCloses, closes)).post(url("/auctions"))
                .then().statusCode(201).extract().jsonPath();
        return new Auction(a.getString("auctionId"), a.getString("security.isin"),
                Instant.parse(a.getString("biddingOpensAt")), Instant.parse(a.getString("nonCompetitiveClosesAt")),
                Instant.parse(a.getString("competitiveClosesAt")));
    }

    /** An auction announced by the officer that opens now and closes after these delays; returned once OPEN. */
    static Auction open(String officer, Duration nonCompetitiveClosesIn, Duration closesIn) {
        String token = Tokens.user(officer); // first, so that fetching it does not eat into the schedule
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Auction a = announceWith(token, now, now.plus(nonCompetitiveClosesIn), now.plus(closesIn));
        awaitStatus(a.id(), "OPEN", Duration.ofSeconds(5));
        return a;
    }

    static String status(String auctionId) {
        return as(Tokens.dealer("dealer-02")).get(url("/auctions/" + auctionId)).then().statusCode(200)
                .extract().path("status");
    }

    static void awaitStatus(String auctionId, String status, Duration atMost) {
        await().atMost(atMost).until(() -> status(auctionId).equals(status));
    }

    /** Waits until the auction has closed by itself and been cleared. */
    static void awaitAllocated(Auction a) {
        awaitStatus(a.id(), "ALLOCATED", Duration.between(Instant.now(), a.closesAt()).plusSeconds(10));
    }

    static String competitive(String rate, long amount) {
        return "{\"kind\": \"COMPETITIVE\", \"rate\": \"%s\", \"amount\": %d, \"netLongPosition\": 0}"
                .formatted(rate, amount);
    }

    static String nonCompetitive(long amount) {
        return "{\"kind\": \"NONCOMPETITIVE\", \"amount\": %d}".formatted(amount);
    }

    /** POST /auctions/{id}/bids as this caller. */
    static Response bid(String token, String auctionId, String body) {
        return as(token).contentType("application/json").body(body).post(url("/auctions/" + auctionId + "/bids"));
    }

    /** A bid that must be accepted; its bidId. */
    static String placeBid(String token, String auctionId, String body) {
        return bid(token, auctionId, body).then().statusCode(201).extract().path("bidId");
    }

    /** POST /auctions/{id}/subscriptions (a retail investor's non-competitive bid). */
    static Response subscribe(String token, String auctionId, long amount) {
        return as(token).contentType("application/json").body("{\"amount\": " + amount + "}")
                .post(url("/auctions/" + auctionId + "/subscriptions"));
    }

    static Response withdraw(String token, String auctionId, String bidId) {
        return as(token).delete(url("/auctions/" + auctionId + "/bids/" + bidId));
    }

    /** The caller's own bids on the auction, as GET /auctions/{id}/bids lists them. */
    static List<Map<String, Object>> ownBids(String token, String auctionId) {
        return as(token).get(url("/auctions/" + auctionId + "/bids")).then().statusCode(200)
                .extract().jsonPath().getList("$");
    }

    /** The bids the dev dealers list as their own on the auction. */
    static List<Map<String, Object>> dealersBids(String auctionId) {
        return DevUsers.DEALERS.stream().flatMap(d -> ownBids(Tokens.dealer(d), auctionId).stream()).toList();
    }
}
