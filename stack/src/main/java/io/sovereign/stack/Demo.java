package io.sovereign.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * A short walk through the running platform with real tokens: who may do what, an auction
 * announced by the desk, and settlement learning of it through the outbox and Kafka.
 */
final class Demo {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private final StackConfig config;

    Demo(StackConfig config) {
        this.config = config;
    }

    void run() throws IOException, InterruptedException {
        say("");
        say("Demo: tokens from Keycloak, then each service called with them");
        String desk1 = passwordToken("desk1");
        String dealer = clientToken("dealer-01");
        say("  desk1 (password grant via platform-cli) and dealer-01 (client credentials) have tokens");

        call("auction-core GET /api/v1/auctions as desk1", "GET", url(Service.AUCTION_CORE, "/api/v1/auctions"), desk1, null);
        call("settlement   GET /api/v1/securities as dealer-01", "GET", url(Service.SETTLEMENT, "/api/v1/securities"), dealer, null);
        call("identity     GET /api/v1/investors/me as dealer-01", "GET", url(Service.IDENTITY, "/api/v1/investors/me"), dealer, null);
        call("portal       GET /desk as desk1", "GET", url(Service.BIDDER_PORTAL, "/desk"), desk1, null);
        call("auction-core GET /api/v1/auctions without a token", "GET", url(Service.AUCTION_CORE, "/api/v1/auctions"), null, null);

        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        LocalDate issue = LocalDate.now().plusDays(7);
        String announce = """
                {"format": "SINGLE_PRICE", "bidBasis": "YIELD",
                 "security": {"securityType": "NOTE", "issueDate": "%s", "maturityDate": "%s"},
                 "offeringAmount": 42000000000,
                 "biddingOpensAt": "%s", "nonCompetitiveClosesAt": "%s", "competitiveClosesAt": "%s"}"""
                .formatted(issue, issue.plusYears(3), now.plusSeconds(60), now.plusSeconds(3600),
                        now.plusSeconds(3900));
        call("auction-core POST /api/v1/auctions as dealer-01 (not the desk)", "POST",
                url(Service.AUCTION_CORE, "/api/v1/auctions"), dealer, announce);
        JsonNode auction = call("auction-core POST /api/v1/auctions as desk1", "POST",
                url(Service.AUCTION_CORE, "/api/v1/auctions"), desk1, announce);
        String isin = auction.path("security").path("isin").asText();
        say("  announced auction " + auction.path("auctionId").asText() + " for a 3-year note, ISIN " + isin);

        simulate(desk1);

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode securities = get(url(Service.SETTLEMENT, "/api/v1/securities"), dealer);
            for (JsonNode s : securities) {
                if (isin.equals(s.path("isin").asText())) {
                    say("  settlement knows " + isin + " (AuctionAnnounced: outbox → auction.events.v1 → inbox)");
                    say("Demo complete.");
                    return;
                }
            }
            Thread.sleep(200); // poll interval while the event travels
        }
        throw new IllegalStateException("settlement did not learn of " + isin + " within 30 s");
    }

    /** The clearing engine on the 3-year note of 2022-08-15: it stops out at 3.202%, the published yield (price 99.781411). */
    private void simulate(String token) throws IOException, InterruptedException {
        String body = """
                {"format": "SINGLE_PRICE", "bidBasis": "YIELD",
                 "security": {"securityType": "NOTE", "issueDate": "2022-08-15", "maturityDate": "2025-08-15"},
                 "offeringAmount": 42000000000,
                 "bids": [
                   {"bidId": "n1", "bidderId": "retail1", "kind": "NONCOMPETITIVE", "amount": 5000},
                   {"bidId": "b1", "bidderId": "dealer-01", "kind": "COMPETITIVE", "rate": "3.075", "amount": 10000000000},
                   {"bidId": "b2", "bidderId": "dealer-02", "kind": "COMPETITIVE", "rate": "3.140", "amount": 12000000000},
                   {"bidId": "b3", "bidderId": "dealer-03", "kind": "COMPETITIVE", "rate": "3.202", "amount": 30000000000},
                   {"bidId": "b4", "bidderId": "dealer-01", "kind": "COMPETITIVE", "rate": "3.202", "amount": 10000000000},
                   {"bidId": "b5", "bidderId": "dealer-02", "kind": "COMPETITIVE", "rate": "3.202", "amount": 5000000000}]}""";
        JsonNode r = call("auction-core POST /api/v1/auctions/simulate as desk1", "POST",
                url(Service.AUCTION_CORE, "/api/v1/auctions/simulate"), token, body);
        say("  simulated: stop-out " + r.path("highRate").asText() + "%, coupon " + r.path("couponRate").asText()
                + "%, price " + r.path("price").asText() + ", " + r.path("allotmentPercentage").asText()
                + "% at the stop-out, bid-to-cover " + r.path("bidToCover").asText());
    }

    private String url(Service s, String path) {
        return config.serviceUrl(s) + path;
    }

    private JsonNode call(String label, String method, String url, String token, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Accept", url.startsWith(config.serviceUrl(Service.BIDDER_PORTAL)) ? "text/html" : "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        say(String.format("  %-62s → %d", label, r.statusCode()));
        String text = r.body();
        return text == null || text.isBlank() || !text.trim().startsWith("{") && !text.trim().startsWith("[")
                ? JSON.createObjectNode() : JSON.readTree(text);
    }

    private JsonNode get(String url, String token) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization",
                "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body());
    }

    String passwordToken(String user) throws IOException, InterruptedException {
        return token("grant_type=password&client_id=platform-cli&username=" + enc(user) + "&password="
                + enc(user + "-pw"));
    }

    String clientToken(String clientId) throws IOException, InterruptedException {
        return token("grant_type=client_credentials&client_id=" + enc(clientId) + "&client_secret="
                + enc(DevUsers.dealerSecret(clientId)));
    }

    private String token(String form) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(config.issuer()
                + "/protocol/openid-connect/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("Keycloak refused a token: " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body()).path("access_token").asText();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static void say(String line) {
        System.out.println(line);
    }
}
