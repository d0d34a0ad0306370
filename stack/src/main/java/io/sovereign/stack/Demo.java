package io.sovereign.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A walk through the running platform with real tokens: who may do what, the clearing engine on a
 * published auction, then a whole auction on the server's clock. desk1 announces a 10-year note
 * that closes a minute later; settlement learns of it through the outbox and Kafka; the three
 * dealers and retail1 bid; the auction closes and clears; desk2 publishes (four eyes); the results
 * and dealer-01's own awards are printed. A step that answers anything but what the contract
 * promises stops the demo with {@link StepFailed}, which names the step.
 */
final class Demo {

    /** A step answered other than expected; the message names the step and what came back. */
    static final class StepFailed extends RuntimeException {
        StepFailed(String message) {
            super(message);
        }
    }

    /** One bid of the demo auction; {@code rate} is null for a non-competitive one. */
    private record Bid(String bidder, String rate, long amount) {
        String kind() {
            return rate == null ? "NONCOMPETITIVE" : "COMPETITIVE";
        }
    }

    private record Reply(int status, String text, JsonNode json) {
    }

    private static final long OFFERING = 42_000_000_000L;
    private static final Duration OPENS_AFTER = Duration.ofSeconds(5);
    // non-competitive bids close before competitive ones (DOMAIN.md §3)
    private static final Duration NON_COMPETITIVE_CLOSES_AFTER = Duration.ofSeconds(50);
    private static final Duration COMPETITIVE_CLOSES_AFTER = Duration.ofSeconds(60);
    // how long after the close the clearing may take before the demo gives up
    private static final Duration ALLOCATION_GRACE = Duration.ofSeconds(20);

    /**
     * 105,000,000,000 tendered, 2.5 times the offering. Up to the stop-out at 4.210 % every dealer
     * stays under its cap (35 % of the offering, 14,700,000,000), so the three bids at 4.210 share
     * what is left in proportion, and everything above it gets nothing.
     */
    private static final List<Bid> DEALER_BIDS = List.of(
            new Bid("dealer-01", "4.180", 5_000_000_000L),
            new Bid("dealer-01", "4.195", 6_000_000_000L),
            new Bid("dealer-01", "4.210", 3_000_000_000L),
            new Bid("dealer-01", "4.235", 21_000_000_000L),
            new Bid("dealer-02", "4.185", 6_000_000_000L),
            new Bid("dealer-02", "4.200", 6_000_000_000L),
            new Bid("dealer-02", "4.210", 2_500_000_000L),
            new Bid("dealer-02", "4.245", 20_500_000_000L),
            new Bid("dealer-03", "4.175", 4_000_000_000L),
            new Bid("dealer-03", "4.190", 7_000_000_000L),
            new Bid("dealer-03", "4.210", 3_000_000_000L),
            new Bid("dealer-03", "4.250", 21_000_000_000L));
    private static final Bid RETAIL_SUBSCRIPTION = new Bid("retail1", null, 5_000L);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter CLOCK_MS = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private final StackConfig config;
    /** What the demo bid, by the bidId auction-core gave each bid: to label the allocations. */
    private final Map<String, Bid> bidsById = new LinkedHashMap<>();
    /** The demo auction's status as last printed: each change is printed once. */
    private String lastStatus;

    Demo(StackConfig config) {
        this.config = config;
    }

    void run() throws IOException, InterruptedException {
        long started = System.nanoTime();
        say("");
        say("Demo: tokens from Keycloak, then each service called with them");
        String desk1 = passwordToken("desk1");
        String dealer = clientToken("dealer-01");
        say("  desk1 (password grant via platform-cli) and dealer-01 (client credentials) have tokens");

        call("auction-core GET /api/v1/auctions as desk1", 200, "GET", url(Service.AUCTION_CORE, "/api/v1/auctions"), desk1, null);
        call("settlement   GET /api/v1/securities as dealer-01", 200, "GET", url(Service.SETTLEMENT, "/api/v1/securities"), dealer, null);
        call("identity     GET /api/v1/investors/me as dealer-01", 200, "GET", url(Service.IDENTITY, "/api/v1/investors/me"), dealer, null);
        call("portal       GET /desk as desk1", 200, "GET", url(Service.BIDDER_PORTAL, "/desk"), desk1, null);
        call("auction-core GET /api/v1/auctions without a token", 401, "GET", url(Service.AUCTION_CORE, "/api/v1/auctions"), null, null);

        say("");
        say("The demo auction: desk1 announces a 10-year note that closes a minute from now");
        JsonNode auction = announce(desk1, dealer);
        String auctionId = auction.path("auctionId").asText();
        String isin = auction.path("security").path("isin").asText();
        Instant opensAt = Instant.parse(auction.path("biddingOpensAt").asText());
        Instant closesAt = Instant.parse(auction.path("competitiveClosesAt").asText());

        simulate(desk1);
        awaitSettlementKnows(isin, dealer);
        awaitStatus(auctionId, "OPEN", opensAt.plus(Duration.ofSeconds(15)), desk1);

        say("");
        say("Bidding: each POST with its own Idempotency-Key; auction-core answers with a receipt chained over the bidder's own bids in the auction");
        bid(auctionId);
        JsonNode book = call("auction-core GET /api/v1/auctions/" + auctionId + "/book as desk1", 200, "GET",
                url(Service.AUCTION_CORE, "/api/v1/auctions/" + auctionId + "/book"), desk1, null);
        JsonNode levels = book.path("levels");
        say("  the desk's live book: " + amount(book.path("totalTendered").asLong()) + " tendered, cover "
                + book.path("cover").asText() + ", " + levels.size() + " yield levels, best "
                + levels.path(0).path("rate").asText() + "%");

        say("");
        say("Close: on the server's clock at " + CLOCK.format(closesAt) + " UTC (in "
                + Math.max(0, Duration.between(Instant.now(), closesAt).toSeconds()) + " s); the clearing runs at once");
        awaitStatus(auctionId, "ALLOCATED", closesAt.plus(ALLOCATION_GRACE), desk1);

        say("");
        say("Publication: fresh tokens after the wait; the supervisor approves what the clearing found");
        desk1 = passwordToken("desk1");
        String desk2 = passwordToken("desk2");
        String dealer01 = clientToken("dealer-01");
        String publish = url(Service.AUCTION_CORE, "/api/v1/auctions/" + auctionId + "/publish");
        call("POST /publish as desk1 (its creator, no supervisor role)", 403, "POST", publish, desk1, null);
        JsonNode results = call("POST /publish as desk2 (auction-supervisor, four eyes)", 200, "POST", publish, desk2, null);
        if (!results.path("allocations").isArray()) {
            results = call("GET /results as desk2", 200, "GET",
                    url(Service.AUCTION_CORE, "/api/v1/auctions/" + auctionId + "/results"), desk2, null);
        }
        printResults(results, isin);

        JsonNode mine = call("GET /allocations/me as dealer-01", 200, "GET",
                url(Service.AUCTION_CORE, "/api/v1/auctions/" + auctionId + "/allocations/me"), dealer01, null);
        printOwnAwards("dealer-01", mine);

        say("");
        say("Demo complete in " + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s.");
        say("Results page (log in as desk1 / desk1-pw, or desk2 / desk2-pw): "
                + "http://localhost:" + Service.BIDDER_PORTAL.port(config.ports()) + "/desk/auctions/" + auctionId);
    }

    /** dealer-01 may not announce (403); desk1 announces the demo's 10-year note (201). */
    private JsonNode announce(String desk1, String dealer) throws IOException, InterruptedException {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        LocalDate soon = LocalDate.now(ZoneOffset.UTC).plusDays(5);
        // notes are issued on the 15th: the next one at least five days ahead
        LocalDate issue = soon.getDayOfMonth() <= 15 ? soon.withDayOfMonth(15) : soon.plusMonths(1).withDayOfMonth(15);
        String body = """
                {"format": "SINGLE_PRICE", "bidBasis": "YIELD",
                 "security": {"securityType": "NOTE", "issueDate": "%s", "maturityDate": "%s"},
                 "offeringAmount": %d,
                 "biddingOpensAt": "%s", "nonCompetitiveClosesAt": "%s", "competitiveClosesAt": "%s"}"""
                .formatted(issue, issue.plusYears(10), OFFERING, now.plus(OPENS_AFTER),
                        now.plus(NON_COMPETITIVE_CLOSES_AFTER), now.plus(COMPETITIVE_CLOSES_AFTER));
        String auctions = url(Service.AUCTION_CORE, "/api/v1/auctions");
        call("auction-core POST /api/v1/auctions as dealer-01 (not the desk)", 403, "POST", auctions, dealer, body);
        JsonNode a = call("auction-core POST /api/v1/auctions as desk1", 201, "POST", auctions, desk1, body);
        say("  announced auction " + a.path("auctionId").asText() + ": 10-year note " + a.path("security").path("isin").asText()
                + ", issue " + issue + ", maturity " + issue.plusYears(10) + ", offering " + amount(OFFERING)
                + ", single price on yield");
        say("  bidding opens " + clock(a, "biddingOpensAt") + ", non-competitive closes " + clock(a, "nonCompetitiveClosesAt")
                + ", competitive closes " + clock(a, "competitiveClosesAt") + " UTC");
        return a;
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
        JsonNode r = call("auction-core POST /api/v1/auctions/simulate as desk1", 200, "POST",
                url(Service.AUCTION_CORE, "/api/v1/auctions/simulate"), token, body);
        say("  simulated (the 3-year note of 2022-08-15): stop-out " + r.path("highRate").asText() + "%, coupon "
                + r.path("couponRate").asText() + "%, price " + r.path("price").asText() + ", "
                + r.path("allotmentPercentage").asText() + "% at the stop-out, bid-to-cover " + r.path("bidToCover").asText());
    }

    private void awaitSettlementKnows(String isin, String token) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String securities = url(Service.SETTLEMENT, "/api/v1/securities");
        while (System.nanoTime() < deadline) {
            for (JsonNode s : expect("settlement GET /api/v1/securities", 200, send("GET", securities, token, null, null))) {
                if (isin.equals(s.path("isin").asText())) {
                    say("  settlement knows " + isin + " (AuctionAnnounced: outbox → auction.events.v1 → inbox)");
                    return;
                }
            }
            Thread.sleep(200); // poll interval while the event travels
        }
        throw new StepFailed("settlement did not learn of " + isin + " within 30 s");
    }

    /**
     * Polls the auction until it reaches {@code target}, printing each status it passes through;
     * fails at {@code deadline} or if the auction lands in another final state.
     */
    private void awaitStatus(String auctionId, String target, Instant deadline, String token)
            throws IOException, InterruptedException {
        String auction = url(Service.AUCTION_CORE, "/api/v1/auctions/" + auctionId);
        while (true) {
            String status = expect("auction-core GET /api/v1/auctions/" + auctionId, 200,
                    send("GET", auction, token, null, null)).path("status").asText();
            if (!status.equals(lastStatus)) {
                say("  " + CLOCK_MS.format(Instant.now()) + "  auction " + status);
                lastStatus = status;
            }
            if (status.equals(target)) {
                return;
            }
            if (status.equals("CANCELLED") || status.equals("PUBLISHED")) {
                throw new StepFailed("auction " + auctionId + " is " + status + ", expected " + target);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new StepFailed("auction " + auctionId + " still " + status + " at " + CLOCK.format(deadline)
                        + " UTC, expected " + target);
            }
            Thread.sleep(250); // poll interval; the server's timers move the status, not this loop
        }
    }

    /** Every dealer bid, a replay of the first, and retail1's subscription, each with its receipt. */
    private void bid(String auctionId) throws IOException, InterruptedException {
        String bids = url(Service.AUCTION_CORE, "/api/v1/auctions/" + auctionId + "/bids");
        Map<String, String> tokens = new LinkedHashMap<>();
        for (String d : DevUsers.DEALERS) {
            tokens.put(d, clientToken(d));
        }
        say(String.format(Locale.ROOT, "  %-9s %-14s %7s %17s        %-16s %s", "bidder", "kind", "yield", "amount",
                "received (UTC)", "receipt"));
        String firstBody = null;
        String firstKey = null;
        JsonNode first = null;
        for (Bid b : DEALER_BIDS) {
            String body = """
                    {"kind": "COMPETITIVE", "rate": "%s", "amount": %d, "netLongPosition": 0}"""
                    .formatted(b.rate(), b.amount());
            String key = UUID.randomUUID().toString();
            JsonNode r = submit(b, bids, tokens.get(b.bidder()), body, key);
            if (first == null) {
                first = r;
                firstBody = body;
                firstKey = key;
            }
        }
        JsonNode again = expect("dealer-01 sends its first bid again with the same Idempotency-Key", 201,
                send("POST", bids, tokens.get("dealer-01"), firstBody, firstKey));
        if (!again.path("bidId").equals(first.path("bidId")) || !again.path("receipt").equals(first.path("receipt"))) {
            throw new StepFailed("the replay of dealer-01's first bid (same Idempotency-Key, same body) answered "
                    + again + " instead of the original " + first);
        }
        say("  dealer-01 sends its first bid again with the same Idempotency-Key → 201, the same bid and receipt");

        String retail1 = passwordToken("retail1");
        submit(RETAIL_SUBSCRIPTION, url(Service.AUCTION_CORE, "/api/v1/auctions/" + auctionId + "/subscriptions"),
                retail1, "{\"amount\": " + RETAIL_SUBSCRIPTION.amount() + "}", UUID.randomUUID().toString());
    }

    private JsonNode submit(Bid b, String url, String token, String body, String idempotencyKey)
            throws IOException, InterruptedException {
        String label = b.bidder() + " " + b.kind() + (b.rate() == null ? "" : " at " + b.rate() + "%") + " for "
                + amount(b.amount());
        JsonNode r = expect(label, 201, send("POST", url, token, body, idempotencyKey));
        String receipt = r.path("receipt").asText();
        if (!receipt.matches("[0-9a-f]{64}") || r.path("bidId").asText().isEmpty()) {
            throw new StepFailed(label + ": 201 without a bidId and a SHA-256 receipt: " + r);
        }
        bidsById.put(r.path("bidId").asText(), b);
        String received = r.path("receivedAt").asText();
        say(String.format(Locale.ROOT, "  %-9s %-14s %7s %17s → 201  %-16s %s", b.bidder(), b.kind(),
                b.rate() == null ? "-" : b.rate(), amount(b.amount()),
                received.substring(received.indexOf('T') + 1), receipt));
        return r;
    }

    private void printResults(JsonNode r, String isin) {
        say("");
        say("Results of auction " + r.path("auctionId").asText() + " (10-year note " + isin + "), "
                + r.path("status").asText());
        say("  high yield " + r.path("highRate").asText() + "%   low " + r.path("lowRate").asText() + "%   median "
                + r.path("medianRate").asText() + "%   coupon " + r.path("couponRate").asText() + "%   price "
                + r.path("price").asText());
        say("  tendered " + amount(r.path("totalTendered").asLong()) + "   accepted "
                + amount(r.path("totalAccepted").asLong()) + " (non-competitive "
                + amount(r.path("nonCompetitiveAccepted").asLong()) + ")   bid-to-cover " + r.path("bidToCover").asText()
                + "   allotted at the high yield " + r.path("allotmentPercentage").asText() + "%");
        String row = "  %-9s %-14s %7s %17s %17s %11s";
        say(String.format(Locale.ROOT, row, "bidder", "kind", "yield", "bid", "accepted", "price"));
        for (JsonNode a : r.path("allocations")) {
            Bid b = bidsById.get(a.path("bidId").asText());
            say(String.format(Locale.ROOT, row, b != null ? b.bidder() : a.path("bidderId").asText(),
                    a.path("kind").asText(), b == null || b.rate() == null ? "-" : b.rate(),
                    b == null ? "?" : amount(b.amount()), amount(a.path("accepted").asLong()),
                    a.path("price").isMissingNode() || a.path("price").isNull() ? "-" : a.path("price").asText()));
        }
    }

    private void printOwnAwards(String bidder, JsonNode awards) {
        say("");
        say(bidder + "'s own awards (GET /allocations/me):");
        String row = "  %7s %17s %17s %11s %13s %21s";
        say(String.format(Locale.ROOT, row, "yield", "bid", "accepted", "price", "accrued", "settlement amount"));
        long total = 0;
        for (JsonNode a : awards) {
            Bid b = bidsById.get(a.path("bidId").asText());
            total += a.path("accepted").asLong();
            say(String.format(Locale.ROOT, row, b == null || b.rate() == null ? "-" : b.rate(),
                    b == null ? "?" : amount(b.amount()), amount(a.path("accepted").asLong()), text(a, "price"),
                    money(a, "accruedInterest"), money(a, "settlementAmount")));
        }
        say("  " + awards.size() + " allocation(s), " + amount(total) + " in all");
    }

    private String url(Service s, String path) {
        return config.serviceUrl(s) + path;
    }

    /** Sends, prints the label and the status, and fails unless the status is {@code expected}. */
    private JsonNode call(String label, int expected, String method, String url, String token, String body)
            throws IOException, InterruptedException {
        Reply r = send(method, url, token, body, null);
        say(String.format("  %-62s → %d", label, r.status()));
        return expect(label, expected, r);
    }

    private static JsonNode expect(String label, int expected, Reply r) {
        if (r.status() != expected) {
            String text = r.text() == null ? "" : r.text().strip();
            throw new StepFailed(label + ": expected " + expected + ", got " + r.status()
                    + (text.isEmpty() ? "" : ": " + (text.length() > 600 ? text.substring(0, 600) + "…" : text)));
        }
        return r.json();
    }

    private Reply send(String method, String url, String token, String body, String idempotencyKey)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Accept", url.startsWith(config.serviceUrl(Service.BIDDER_PORTAL)) ? "text/html" : "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (idempotencyKey != null) {
            b.header("Idempotency-Key", idempotencyKey);
        }
        if (body != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> r;
        try {
            r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new StepFailed(method + " " + url + ": no answer (" + e + ")");
        }
        String text = r.body();
        String trimmed = text == null ? "" : text.trim();
        JsonNode json = trimmed.startsWith("{") || trimmed.startsWith("[") ? JSON.readTree(trimmed) : JSON.createObjectNode();
        return new Reply(r.statusCode(), text, json);
    }

    String passwordToken(String user) throws IOException, InterruptedException {
        return token(user, "grant_type=password&client_id=platform-cli&username=" + enc(user) + "&password="
                + enc(user + "-pw"));
    }

    String clientToken(String clientId) throws IOException, InterruptedException {
        return token(clientId, "grant_type=client_credentials&client_id=" + enc(clientId) + "&client_secret="
                + enc(DevUsers.dealerSecret(clientId)));
    }

    private String token(String who, String form) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(config.issuer()
                + "/protocol/openid-connect/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new StepFailed("Keycloak refused a token for " + who + ": " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body()).path("access_token").asText();
    }

    private static String clock(JsonNode auction, String field) {
        return CLOCK.format(Instant.parse(auction.path(field).asText()));
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isMissingNode() || v.isNull() ? "-" : v.asText();
    }

    /** A decimal string with thousands separators, its decimals kept. */
    private static String money(JsonNode n, String field) {
        String v = text(n, field);
        return v.equals("-") ? v : String.format(Locale.ROOT, "%,." + Math.max(0, new BigDecimal(v).scale()) + "f", new BigDecimal(v));
    }

    private static String amount(long units) {
        return String.format(Locale.ROOT, "%,d", units);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static void say(String line) {
        System.out.println(line);
    }
}
