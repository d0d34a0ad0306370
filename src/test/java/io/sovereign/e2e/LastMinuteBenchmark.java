package io.sovereign.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sovereign.events.AuctionClosed;
import io.sovereign.stack.Service;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.web3j.crypto.Keys;

/**
 * Benchmark, run by hand (docs/reliability.md, "Load"), not by {@code verify}: its name does not end in IT.
 * <pre>
 * ./mvnw -B -o -T1 verify -pl e2e -Dit.test=LastMinuteBenchmark     # a stack of its own (ports +10000, or *_PORT)
 * </pre>
 * <ol>
 * <li>{@link #lastMinute}: 10,000 distinct retail investors (real Keycloak users, registered with identity,
 * APPROVED by compliance1, in auction-core's projection) each subscribe once, and dealer-01..03 each send
 * 500 competitive bids, all spread evenly over the last 60 s before the close (open loop: each request is
 * due at its instant; latency counts from then; at most {@code load.inFlight} = 256 in flight; before it, 1,500
 * dealer bids in another auction warm auction-core up). Every 201 must be in the results' allocations and in
 * AuctionClosed's bidCount; the time from the deadline to the results (ALLOCATED) is measured.</li>
 * <li>{@link #closeToResults}: 100,000 bids through the API by the three dealers, then desk1 closes; the
 * close request to ALLOCATED, and closed_at to allocated_at in auction-core's database.</li>
 * </ol>
 * Sizes: {@code -Dload.retail=10000 -Dload.dealerBids=500 -Dload.bids=100000 -Dload.window=60 -Dload.inFlight=256}.
 */
@ExtendWith(PlatformStack.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LastMinuteBenchmark {

    private static final int RETAIL = Integer.getInteger("load.retail", 10_000);
    private static final int DEALER_BIDS = Integer.getInteger("load.dealerBids", 500);
    private static final int BIDS = Integer.getInteger("load.bids", 100_000);
    private static final int WINDOW_SECONDS = Integer.getInteger("load.window", 60);
    private static final int SETUP_PARALLEL = 8;
    /**
     * Requests of the last minute in flight at once. 10,000 investors are 10,000 independent clients; with 64
     * (the first full-size attempt) the generator itself queued requests on a loaded machine, and auction-core's
     * intake writes in batches of whatever is waiting, so a low cap also shrank its batches.
     */
    private static final int IN_FLIGHT = Integer.getInteger("load.inFlight", 256);
    /** The savers' access tokens live this long (the realm's 300 s while they log in): 10,000 logins take minutes here. */
    private static final int TOKEN_LIFESPAN = 3600;
    private static final List<String> DEALERS = List.of("dealer-01", "dealer-02", "dealer-03");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    /** A retail investor made for the run: Keycloak user id (= bidder id), user name, token and when it was issued. */
    private record Saver(String id, String username, String wallet, String token, Instant tokenAt) {
    }

    /** One request of the scenario and what came of it. */
    private record Outcome(String bidder, boolean retail, int status, String bidId, long latencyMicros) {
    }

    // ------------------------------------------------------------------ the last minute

    @Test
    @Order(1)
    void lastMinute() throws Exception {
        List.of("desk1", "desk2", "compliance1").forEach(Tokens::user);
        DEALERS.forEach(Tokens::dealer);
        List<Saver> savers = provision(RETAIL);

        Instant tokensAt = savers.stream().map(Saver::tokenAt).min(Instant::compareTo).orElseThrow();
        if (Duration.between(tokensAt, Instant.now()).toSeconds() > TOKEN_LIFESPAN - WINDOW_SECONDS - 120) {
            long t = System.nanoTime();
            savers = logIn(savers.stream().map(s -> new Saver(s.id(), s.username(), s.wallet(), null, null)).toList());
            say("retail tokens fetched again (the first ones would expire in the window): %.1f s", since(t));
        }

        warmUp();

        // the auction: the last minute starts 8 s after the announcement; both deadlines at its end
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant start = now.plusSeconds(8);
        Instant deadline = start.plusSeconds(WINDOW_SECONDS).plusSeconds(2);
        LocalDate issue = LocalDate.now(ZoneOffset.UTC).plusDays(7);
        JsonNode announced = send("POST", AuctionDriver.url("/auctions"), Tokens.user("desk1"), """
                {"format": "SINGLE_PRICE", "bidBasis": "YIELD",
                 "security": {"securityType": "NOTE", "issueDate": "%s", "maturityDate": "%s"},
                 "offeringAmount": 20000000000, "maxAwardRatio": "0.35",
                 "biddingOpensAt": "%s", "nonCompetitiveClosesAt": "%s", "competitiveClosesAt": "%s"}"""
                .formatted(issue, issue.plusYears(5), now, deadline, deadline), 201);
        String auctionId = announced.path("auctionId").asText();
        awaitStatus(auctionId, "OPEN");
        // the dealers' tokens, fetched at the start, are long stale: fetch them now, not inside the minute
        DEALERS.forEach(Tokens::dealer);
        say("auction %s: the last minute %s → %s, deadline %s", auctionId, start, start.plusSeconds(WINDOW_SECONDS), deadline);

        // the schedule: every saver once and every dealer DEALER_BIDS times, evenly over the window
        SplittableRandom random = new SplittableRandom(9);
        List<Saver> order = new ArrayList<>(savers);
        Collections.shuffle(order, new java.util.Random(9));
        TreeMap<Long, List<Runnable>> schedule = new TreeMap<>();
        ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
        List<CompletableFuture<Void>> sent = Collections.synchronizedList(new ArrayList<>());
        Semaphore inFlight = new Semaphore(IN_FLIGHT);
        long windowNanos = TimeUnit.SECONDS.toNanos(WINDOW_SECONDS);
        long startNanos = System.nanoTime() + Duration.between(Instant.now(), start).toNanos();
        for (int i = 0; i < order.size(); i++) {
            Saver s = order.get(i);
            long due = startNanos + windowNanos * i / order.size();
            String body = "{\"amount\": " + (1_000 + 100L * random.nextInt(990)) + "}";
            schedule.computeIfAbsent(due, k -> new ArrayList<>()).add(() -> sent.add(submit(inFlight, due, s.id(), true,
                    s.token(), AuctionDriver.url("/auctions/" + auctionId + "/subscriptions"), body, outcomes)));
        }
        for (int d = 0; d < DEALERS.size(); d++) {
            String dealer = DEALERS.get(d);
            for (int i = 0; i < DEALER_BIDS; i++) {
                // the dealers interleaved: dealer d's i-th bid at (i + d / 3) / DEALER_BIDS of the window
                long due = startNanos + windowNanos * (3L * i + d) / (3L * DEALER_BIDS);
                String body = "{\"kind\": \"COMPETITIVE\", \"rate\": \"%s\", \"amount\": %d, \"netLongPosition\": 0}"
                        .formatted(rate(3_000 + random.nextInt(400)), 10_000_000L + 100L * random.nextInt(400_000));
                schedule.computeIfAbsent(due, k -> new ArrayList<>()).add(() -> sent.add(submit(inFlight, due, dealer, false,
                        Tokens.dealer(dealer), AuctionDriver.url("/auctions/" + auctionId + "/bids"), body, outcomes)));
            }
        }
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try {
            CompletableFuture<Void> allScheduled = new CompletableFuture<>();
            schedule.forEach((due, tasks) -> timer.schedule(() -> tasks.forEach(Runnable::run),
                    Math.max(0, due - System.nanoTime()), TimeUnit.NANOSECONDS));
            timer.schedule(() -> allScheduled.complete(null), Math.max(0, schedule.lastKey() - System.nanoTime()) + 1,
                    TimeUnit.NANOSECONDS);
            allScheduled.get(WINDOW_SECONDS + 120, TimeUnit.SECONDS);
        } finally {
            timer.shutdown();
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(300, TimeUnit.SECONDS);
        Instant lastAnswer = Instant.now();

        // close on schedule at the deadline, clearing at once: the results as the desk sees them
        Instant allocatedSeen = awaitStatus(auctionId, "ALLOCATED");
        report("last minute", auctionId, outcomes, deadline, allocatedSeen, lastAnswer, savers.size());
    }

    /**
     * A platform in operation has taken bids before an auction's last minute: the dealers place 1,500 bids
     * in another auction first (closed loop, all must be 201), so that auction-core's intake, token checks
     * and JSON paths are compiled, not interpreted, when the minute starts. Nothing of it is counted.
     */
    private static void warmUp() throws Exception {
        DEALERS.forEach(Tokens::dealer);
        String auctionId = announceOpen(20_000_000_000L, 2, 7200);
        ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
        List<CompletableFuture<Void>> sent = new ArrayList<>();
        Semaphore inFlight = new Semaphore(64);
        long t = System.nanoTime();
        for (int i = 0; i < 1_500; i++) {
            String dealer = DEALERS.get(i % DEALERS.size());
            String body = "{\"kind\": \"COMPETITIVE\", \"rate\": \"%s\", \"amount\": %d, \"netLongPosition\": 0}"
                    .formatted(rate(3_000 + i % 400), 10_000_000L + 100L * i);
            sent.add(submit(inFlight, System.nanoTime(), dealer, false, Tokens.dealer(dealer),
                    AuctionDriver.url("/auctions/" + auctionId + "/bids"), body, outcomes));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(300, TimeUnit.SECONDS);
        assertThat(outcomes).as("warm-up bids all 201").allMatch(o -> o.status() == 201);
        say("warm-up: 1,500 dealer bids in another auction in %.1f s", since(t));
    }

    // ------------------------------------------------------------------ 100,000 bids, close to results

    @Test
    @Order(2)
    void closeToResults() throws Exception {
        DEALERS.forEach(Tokens::dealer);
        String auctionId = announceOpen(200_000_000_000L, 3, 7200);

        SplittableRandom random = new SplittableRandom(7);
        ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
        List<CompletableFuture<Void>> sent = new ArrayList<>(BIDS);
        Semaphore inFlight = new Semaphore(32);
        long t0 = System.nanoTime();
        for (int i = 0; i < BIDS; i++) {
            String dealer = DEALERS.get(i % DEALERS.size());
            String body = "{\"kind\": \"COMPETITIVE\", \"rate\": \"%s\", \"amount\": %d, \"netLongPosition\": 0}"
                    .formatted(rate(3_000 + random.nextInt(300)), 1_000_000L + 100L * random.nextInt(80_000));
            // closed loop: the next bid leaves when one of the 32 in flight is answered
            sent.add(submit(inFlight, System.nanoTime(), dealer, false, Tokens.dealer(dealer),
                    AuctionDriver.url("/auctions/" + auctionId + "/bids"), body, outcomes));
            if (i % 20_000 == 19_999) {
                say("  %,d bids sent in %.1f s", i + 1, since(t0));
            }
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(600, TimeUnit.SECONDS);
        say("%,d bids placed in %.1f s (%.0f bids/s, 32 in flight over 3 dealers)", BIDS, since(t0), BIDS / since(t0));

        // desk1's token first: the bids took longer than a cached token lives, and a Keycloak login
        // is not part of the close
        String desk1 = Tokens.user("desk1");
        Instant closeSent = Instant.now();
        send("POST", AuctionDriver.url("/auctions/" + auctionId + "/close"), desk1, null, 200);
        Instant closeAnswered = Instant.now();
        Instant allocatedSeen = awaitStatus(auctionId, "ALLOCATED");
        say("desk1's close answered in %.3f s; ALLOCATED seen %.3f s after the close request",
                seconds(closeSent, closeAnswered), seconds(closeSent, allocatedSeen));
        report("100,000 bids", auctionId, outcomes, closeSent, allocatedSeen, closeSent, 0);
    }

    /**
     * desk1 announces a single-price note (max award 35%), open at once, the non-competitive deadline 200 s
     * before the competitive one {@code closesInSeconds} from now; its id once OPEN.
     */
    private static String announceOpen(long offering, int years, int closesInSeconds) throws Exception {
        LocalDate issue = LocalDate.now(ZoneOffset.UTC).plusDays(7);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String auctionId = send("POST", AuctionDriver.url("/auctions"), Tokens.user("desk1"), """
                {"format": "SINGLE_PRICE", "bidBasis": "YIELD",
                 "security": {"securityType": "NOTE", "issueDate": "%s", "maturityDate": "%s"},
                 "offeringAmount": %d, "maxAwardRatio": "0.35",
                 "biddingOpensAt": "%s", "nonCompetitiveClosesAt": "%s", "competitiveClosesAt": "%s"}"""
                .formatted(issue, issue.plusYears(years), offering, now, now.plusSeconds(closesInSeconds - 200),
                        now.plusSeconds(closesInSeconds)), 201).path("auctionId").asText();
        awaitStatus(auctionId, "OPEN");
        return auctionId;
    }

    // ------------------------------------------------------------------ the report and its checks

    private static void report(String name, String auctionId, Iterable<Outcome> outcomes, Instant deadline,
            Instant allocatedSeen, Instant lastAnswer, int retail) throws Exception {
        Map<String, Integer> byStatus = new TreeMap<>();
        Set<String> acknowledged = new HashSet<>();
        List<Long> retailLatency = new ArrayList<>();
        List<Long> dealerLatency = new ArrayList<>();
        Map<String, Integer> acksByBidder = new LinkedHashMap<>();
        for (Outcome o : outcomes) {
            byStatus.merge((o.retail() ? "retail " : "dealer ") + o.status(), 1, Integer::sum);
            (o.retail() ? retailLatency : dealerLatency).add(o.latencyMicros());
            if (o.status() == 201) {
                assertThat(acknowledged.add(o.bidId())).as("bidId %s acknowledged twice", o.bidId()).isTrue();
                acksByBidder.merge(o.bidder(), 1, Integer::sum);
            }
        }
        say("[%s] answers: %s", name, byStatus);
        if (!retailLatency.isEmpty()) {
            say("[%s] retail subscriptions latency (from due): %s", name, percentiles(retailLatency));
        }
        say("[%s] dealer bids latency (from due): %s", name, percentiles(dealerLatency));
        say("[%s] last answer %.3f s after the deadline", name, seconds(deadline, lastAnswer));

        Map<String, Instant> times = new LinkedHashMap<>();
        try (Connection db = PlatformStack.database(Service.AUCTION_CORE)) {
            times.put("competitive_closes_at", instant(db, "select competitive_closes_at from auction where auction_id = ?", auctionId));
            times.put("closed_at", instant(db, "select closed_at from auction where auction_id = ?", auctionId));
            times.put("cleared_at", instant(db, "select cleared_at from auction_result where auction_id = ?", auctionId));
            times.put("allocated_at", instant(db, "select allocated_at from auction where auction_id = ?", auctionId));
        }
        say("[%s] auction-core's database: deadline %s, closed_at +%.3f s, cleared_at +%.3f s, allocated_at +%.3f s "
                + "(from %s)", name, times.get("competitive_closes_at"),
                seconds(deadline, times.get("closed_at")), seconds(deadline, times.get("cleared_at")),
                seconds(deadline, times.get("allocated_at")), retail > 0 ? "the deadline" : "the close request");
        say("[%s] closed_at → allocated_at %.3f s; ALLOCATED seen through the API %.3f s after %s", name,
                seconds(times.get("closed_at"), times.get("allocated_at")), seconds(deadline, allocatedSeen),
                retail > 0 ? "the deadline" : "the close request");

        JsonNode results = send("GET", AuctionDriver.url("/auctions/" + auctionId + "/results"), Tokens.user("desk1"), null, 200);
        Set<String> allocated = new HashSet<>();
        long accepted = 0;
        long retailAwarded = 0;
        for (JsonNode a : results.path("allocations")) {
            allocated.add(a.path("bidId").asText());
            accepted += a.path("accepted").asLong();
            if ("NONCOMPETITIVE".equals(a.path("kind").asText()) && a.path("accepted").asLong() > 0) {
                retailAwarded++;
            }
        }
        List<AuctionClosed> closed = TopicRecords.events("auction.events.v1", auctionId, AuctionClosed.class);
        say("[%s] acknowledged %,d (retail %,d distinct investors); results: %,d allocations (%,d non-competitive "
                + "awarded), sum of accepted %,d, totalAccepted %,d, offered %,d, stop-out %s; AuctionClosed bidCount %s",
                name, acknowledged.size(), acksByBidder.keySet().stream().filter(b -> !DEALERS.contains(b)).count(),
                allocated.size(), retailAwarded, accepted, results.path("totalAccepted").asLong(), send("GET", AuctionDriver.url("/auctions/" + auctionId), Tokens.user("desk1"), null, 200).path("offeringAmount").asLong(),
               
                results.path("highRate").asText(), closed.stream().map(c -> String.valueOf(c.bidCount())).toList());

        // nothing acknowledged is missing from the results, nothing there was not acknowledged
        assertThat(byStatus.keySet()).as("every request answered 201").allMatch(k -> k.endsWith(" 201"));
        assertThat(allocated).as("the results' allocations are exactly the acknowledged bids").isEqualTo(acknowledged);
        assertThat(closed).hasSize(1);
        assertThat(closed.get(0).bidCount()).as("AuctionClosed bidCount").isEqualTo(acknowledged.size());
        if (retail > 0) {
            assertThat(acksByBidder.keySet().stream().filter(b -> !DEALERS.contains(b)).count()).isEqualTo(retail);
        }
    }

    private static String percentiles(List<Long> micros) {
        List<Long> s = new ArrayList<>(micros);
        Collections.sort(s);
        Function<Double, String> p = q -> String.format(java.util.Locale.ROOT, "%.0f ms",
                s.get((int) Math.min(s.size() - 1, Math.ceil(q * s.size()) - 1)) / 1000.0);
        return String.format("n=%,d p50 %s, p90 %s, p99 %s, max %s", s.size(), p.apply(0.50), p.apply(0.90), p.apply(0.99),
                p.apply(1.0));
    }

    // ------------------------------------------------------------------ 10,000 retail investors

    /**
     * RETAIL new retail investors, each APPROVED with its own wallet in auction-core's projection, through
     * the real paths: Keycloak users (admin API, partial import in batches), a token each by password grant,
     * {@code PUT /investors/me} with that token, compliance1's KYC decision, then the events to auction-core.
     * The one shortcut: while the users are made and log in, the realm hashes passwords with one round of
     * PBKDF2 (password policy, restored afterwards), so that 20,000 password hashes do not cost Keycloak
     * minutes of CPU that no auction path pays; and the access tokens issued meanwhile live an hour instead
     * of 300 s (realm setting, restored), since logging 10,000 people in takes longer than 300 s on 2 shared
     * cores (29 logins/s measured) and each token must still be valid in the last minute.
     */
    private static List<Saver> provision(int n) throws Exception {
        String kc = PlatformStack.config().keycloakUrl();
        JsonNode realm = send("GET", kc + "/admin/realms/sovereign", admin(), null, 200);
        String policy = realm.path("passwordPolicy").asText("");
        int lifespan = realm.path("accessTokenLifespan").asInt(300);
        send("PUT", kc + "/admin/realms/sovereign", admin(), "{\"passwordPolicy\": \"hashAlgorithm(pbkdf2-sha256) and "
                + "hashIterations(1)\", \"accessTokenLifespan\": " + TOKEN_LIFESPAN + "}", 204);
        String run = UUID.randomUUID().toString().substring(0, 6);
        SplittableRandom random = new SplittableRandom(11);
        List<Saver> savers;
        long t = System.nanoTime();
        try {
            List<Saver> made = new ArrayList<>(n);
            for (int from = 0; from < n; from += 500) {
                StringBuilder users = new StringBuilder();
                for (int i = from; i < Math.min(n, from + 500); i++) {
                    String u = "saver-" + run + "-" + i;
                    users.append(users.isEmpty() ? "" : ",").append("""
                            {"username": "%s", "enabled": true, "emailVerified": true, "firstName": "Retail",
                             "lastName": "Saver %d", "email": "%s@savers.test", "realmRoles": ["retail-investor"],
                             "credentials": [{"type": "password", "value": "%s-pw", "temporary": false}]}"""
                            .formatted(u, i, u, u));
                }
                JsonNode imported = send("POST", kc + "/admin/realms/sovereign/partialImport", admin(),
                        "{\"ifResourceExists\": \"FAIL\", \"users\": [" + users + "]}", 200);
                for (JsonNode r : imported.path("results")) {
                    byte[] address = new byte[20];
                    for (int b = 0; b < 20; b++) {
                        address[b] = (byte) random.nextInt(256);
                    }
                    made.add(new Saver(r.path("id").asText(), r.path("resourceName").asText(),
                            Keys.toChecksumAddress(org.web3j.utils.Numeric.toHexString(address)), null, null));
                }
            }
            assertThat(made).hasSize(n);
            say("provision: %,d Keycloak users (partial import, 500 a request) in %.1f s", n, since(t));
            t = System.nanoTime();
            savers = logIn(made);
            say("provision: %,d tokens (password grant, %d in parallel) in %.1f s", n, SETUP_PARALLEL, since(t));
        } finally {
            send("PUT", kc + "/admin/realms/sovereign", admin(), "{\"passwordPolicy\": " + JSON.writeValueAsString(policy)
                    + ", \"accessTokenLifespan\": " + lifespan + "}", 204);
        }
        long approvedBefore = approvedInAuctionCore();
        t = System.nanoTime();
        String identity = PlatformStack.url(Service.IDENTITY) + "/api/v1/investors";
        parallel(savers, s -> async("PUT", identity + "/me", s.token(), """
                {"legalName": "%s", "country": "FR", "walletAddress": "%s"}""".formatted(s.username(), s.wallet()), 200));
        say("provision: %,d investor records (PUT /investors/me) in %.1f s", n, since(t));
        t = System.nanoTime();
        parallel(savers, s -> async("POST", identity + "/" + s.id() + "/kyc", Tokens.user("compliance1"),
                "{\"decision\": \"APPROVED\", \"reason\": \"documents verified\"}", 200));
        say("provision: %,d KYC approvals by compliance1 in %.1f s", n, since(t));
        t = System.nanoTime();
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(1))
                .until(() -> approvedInAuctionCore() - approvedBefore >= n);
        say("provision: all %,d APPROVED in auction-core's investor projection %.1f s later", n, since(t));
        return savers;
    }

    /** A master-realm admin token, fresh for each call: they live 60 s. */
    private static String admin() throws Exception {
        return form(PlatformStack.config().keycloakUrl() + "/realms/master/protocol/openid-connect/token",
                Map.of("grant_type", "password", "client_id", "admin-cli", "username", "admin", "password", "admin"))
                .path("access_token").asText();
    }

    private static List<Saver> logIn(List<Saver> savers) throws Exception {
        String url = PlatformStack.config().keycloakUrl() + "/realms/sovereign/protocol/openid-connect/token";
        Map<String, Saver> out = new ConcurrentHashMap<>();
        parallel(savers, s -> async("POST", url, null, "grant_type=password&client_id=platform-cli&username="
                + URLEncoder.encode(s.username(), StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(s.username() + "-pw", StandardCharsets.UTF_8), 200)
                .thenAccept(token -> out.put(s.id(), new Saver(s.id(), s.username(), s.wallet(),
                        token.path("access_token").asText(), Instant.now()))));
        return savers.stream().map(s -> out.get(s.id())).toList();
    }

    private static long approvedInAuctionCore() throws SQLException {
        try (Connection db = PlatformStack.database(Service.AUCTION_CORE);
                ResultSet rs = db.createStatement().executeQuery(
                        "select count(*) from investor_status where kyc_status = 'APPROVED' and wallet_address is not null")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    // ------------------------------------------------------------------ HTTP

    private static CompletableFuture<Void> submit(Semaphore inFlight, long dueNanos, String bidder, boolean retail,
            String token, String url, String body, ConcurrentLinkedQueue<Outcome> outcomes) {
        try {
            inFlight.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((r, e) -> {
            inFlight.release();
            long micros = (System.nanoTime() - dueNanos) / 1_000;
            if (e != null) {
                outcomes.add(new Outcome(bidder, retail, -1, null, micros));
                return null;
            }
            String bidId = null;
            if (r.statusCode() == 201) {
                try {
                    bidId = JSON.readTree(r.body()).path("bidId").asText();
                } catch (java.io.IOException ex) {
                    throw new IllegalStateException(ex);
                }
            } else if (outcomes.stream().noneMatch(o -> o.status() == r.statusCode())) {
                say("first %d answer: %s", r.statusCode(), r.body());
            }
            outcomes.add(new Outcome(bidder, retail, r.statusCode(), bidId, micros));
            return null;
        });
    }

    /** Runs {@code call} for every item, SETUP_PARALLEL at a time; each must succeed. */
    private static <T> void parallel(List<T> items, Function<T, CompletableFuture<?>> call) throws Exception {
        Semaphore inFlight = new Semaphore(SETUP_PARALLEL);
        List<CompletableFuture<?>> all = new ArrayList<>(items.size());
        for (T item : items) {
            inFlight.acquire();
            all.add(call.apply(item).whenComplete((r, e) -> inFlight.release()));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(20, TimeUnit.MINUTES);
    }

    private static CompletableFuture<JsonNode> async(String method, String url, String bearer, String body, int expected) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer).header("Content-Type", "application/json");
        } else {
            b.header("Content-Type", "application/x-www-form-urlencoded");
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.sendAsync(b.build(), HttpResponse.BodyHandlers.ofString()).thenApply(r -> {
            if (r.statusCode() != expected) {
                throw new IllegalStateException(method + " " + url + " answered " + r.statusCode() + ": " + r.body());
            }
            try {
                return r.body().isEmpty() ? JSON.nullNode() : JSON.readTree(r.body());
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static JsonNode send(String method, String url, String bearer, String body, int expected) throws Exception {
        return async(method, url, bearer, body, expected).get(120, TimeUnit.SECONDS);
    }

    private static JsonNode form(String url, Map<String, String> fields) throws Exception {
        StringBuilder f = new StringBuilder();
        fields.forEach((k, v) -> f.append(f.isEmpty() ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return async("POST", url, null, f.toString(), 200).get(60, TimeUnit.SECONDS);
    }

    /** Polls the auction's status every 10 ms; the instant it was first seen. */
    private static Instant awaitStatus(String auctionId, String status) {
        String url = AuctionDriver.url("/auctions/" + auctionId);
        await().atMost(Duration.ofMinutes(5)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10))
                .until(() -> status.equals(send("GET", url, Tokens.user("desk1"), null, 200).path("status").asText()));
        return Instant.now();
    }

    private static Instant instant(Connection db, String sql, String auctionId) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            ps.setString(1, auctionId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                Timestamp ts = rs.getTimestamp(1);
                return ts == null ? null : ts.toInstant();
            }
        }
    }

    private static String rate(int thousandths) {
        return String.format(java.util.Locale.ROOT, "%d.%03d", thousandths / 1000, thousandths % 1000);
    }

    private static double since(long nanos) {
        return (System.nanoTime() - nanos) / 1e9;
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e9;
    }

    private static void say(String format, Object... args) {
        System.out.println("[load] " + String.format(java.util.Locale.ROOT, format, args));
    }
}
