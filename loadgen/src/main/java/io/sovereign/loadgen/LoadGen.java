package io.sovereign.loadgen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The bid load benchmark against a running stack: announces a 10-year note auction as desk1, lets
 * N virtual clients spread over the dealer service accounts bid into it for a measured window,
 * reports sustained accepted bids/s and latency percentiles, then checks that every acknowledged
 * bid is stored exactly once. Exit code: 0 all good, 1 durability failed, 2 bad usage or the stack
 * unreachable, 3 goal missed (unless --no-goal).
 */
public final class LoadGen {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Options o;
    private final HttpClient control = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private LoadGen(Options o) {
        this.o = o;
    }

    public static void main(String[] args) throws Exception {
        Options o;
        try {
            if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
                System.out.print(Options.USAGE);
                return;
            }
            o = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(Options.USAGE);
            System.exit(2);
            return;
        }
        int code;
        try {
            code = new LoadGen(o).run();
        } catch (IOException | IllegalStateException e) {
            System.err.println("loadgen: " + e.getMessage());
            code = 2;
        }
        System.exit(code);
    }

    private int run() throws IOException, InterruptedException {
        say("loadgen: %d clients over %s, %s, %s, warm-up %d s, measured %d s; %d cores, Java %s",
                o.clients(), String.join(",", o.dealers()),
                o.rawHttp() ? "raw keep-alive HTTP/1.1" : "java.net.http.HttpClient HTTP/1.1",
                o.openLoop() ? String.format(Locale.ROOT, "open loop at %.0f bids/s", o.targetBidsPerSecond()) : "closed loop",
                o.warmup().toSeconds(), o.duration().toSeconds(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        checkReady();

        TokenSource desk = TokenSource.password(control, o.tokenUrl(), "desk1");
        desk.bearer();
        Map<String, TokenSource> dealerTokens = new LinkedHashMap<>();
        Map<String, HttpClient> dealerHttp = new LinkedHashMap<>();
        for (String d : o.dealers()) {
            // one client (connection pool, selector thread) per dealer system, as separate firms would have
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            TokenSource t = TokenSource.clientCredentials(http, o.tokenUrl(), d);
            t.bearer();
            dealerTokens.put(d, t);
            dealerHttp.put(d, http);
        }
        say("tokens: desk1 (password grant), %s (client credentials)", String.join(", ", o.dealers()));

        String auctionId = announce(desk);
        awaitOpen(desk, auctionId);

        // --- the load ---
        String runId = UUID.randomUUID().toString().substring(0, 8);
        URI bidsUri = URI.create(o.auctionCoreUrl() + "/api/v1/auctions/" + auctionId + "/bids");
        long loadStart = System.nanoTime() + Duration.ofMillis(100).toNanos();
        long windowStart = loadStart + o.warmup().toNanos();
        long windowEnd = windowStart + o.duration().toNanos();
        long interval = o.openLoop() ? Math.round(o.clients() * 1e9 / o.targetBidsPerSecond()) : 0;
        Recorder.Progress progress = new Recorder.Progress();
        List<VirtualClient> clients = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < o.clients(); i++) {
            String dealer = o.dealers().get(i % o.dealers().size());
            VirtualClient c = new VirtualClient(i, runId, dealerHttp.get(dealer), dealerTokens.get(dealer), bidsUri,
                    o.requestTimeout(), loadStart, windowEnd, interval, o.clients(),
                    new Recorder(windowStart, windowEnd, progress), o.rawHttp());
            clients.add(c);
            Thread t = new Thread(c, "vc-" + i);
            t.setDaemon(true);
            threads.add(t);
        }
        threads.forEach(Thread::start);
        long lastAccepted = 0;
        long lastAt = System.nanoTime();
        CpuSample cpuFrom = null;
        CpuSample cpuTo = null;
        while (System.nanoTime() - windowEnd < 0) {
            if (cpuFrom == null && System.nanoTime() - windowStart >= 0) {
                cpuFrom = CpuSample.now();
            }
            long untilWindow = (windowStart - System.nanoTime()) / 1_000_000;
            long untilEnd = (windowEnd - System.nanoTime()) / 1_000_000;
            Thread.sleep(Math.max(1, Math.min(5000, untilWindow > 0 ? untilWindow : untilEnd)));
            long now = System.nanoTime();
            long acc = progress.accepted.sum();
            say("  %5.1f s  %s  %d accepted (%.0f/s), %d other answers",
                    (now - loadStart) / 1e9, now - windowStart < 0 ? "warm-up " : "measured",
                    acc, (acc - lastAccepted) / ((now - lastAt) / 1e9), progress.other.sum());
            lastAccepted = acc;
            lastAt = now;
        }
        cpuTo = CpuSample.now();
        if (cpuFrom == null) {
            cpuFrom = cpuTo;
        }
        long joinBy = System.nanoTime() + o.requestTimeout().toNanos() + Duration.ofSeconds(5).toNanos();
        for (Thread t : threads) {
            t.join(Math.max(1, (joinBy - System.nanoTime()) / 1_000_000));
            if (t.isAlive()) {
                t.interrupt();
                t.join(1000);
            }
        }
        List<Recorder> recorders = clients.stream().map(c -> c.recorder).toList();
        Summary summary = Summary.of(o.duration(), recorders);
        say("");
        say("Results (auction %s, %d clients, %s)", auctionId, o.clients(),
                o.openLoop() ? "open loop, latency from when each request was due" : "closed loop");
        System.out.print(summary.render());
        int refreshes = dealerTokens.values().stream().mapToInt(TokenSource::refreshes).sum();
        int connects = clients.stream().mapToInt(VirtualClient::connects).sum();
        say("token fetches       %d (dealers)%s", refreshes,
                o.rawHttp() ? ", connections opened " + connects + " for " + o.clients() + " clients" : "");
        say("cpu in window       %s", CpuSample.describe(cpuFrom, cpuTo, Runtime.getRuntime().availableProcessors()));

        // --- idempotency replays, then durability ---
        List<Ack> acks = new ArrayList<>();
        List<SentBid> unknown = new ArrayList<>();
        for (Recorder r : recorders) {
            acks.addAll(r.acks);
            unknown.addAll(r.unknownOutcome);
        }
        say("");
        int replayFailures = replay(acks, dealerHttp, dealerTokens, bidsUri, unknown);

        Map<String, List<StoredBid>> stored = new LinkedHashMap<>();
        for (String d : o.dealers()) {
            stored.put(d, ownBids(dealerHttp.get(d), dealerTokens.get(d), bidsUri));
        }
        Durability durability = Durability.check(acks, unknown, stored);
        say("");
        say("Durability (GET /api/v1/auctions/%s/bids per dealer)", auctionId);
        System.out.print(durability.render());

        int code = durability.ok() && replayFailures == 0 ? 0 : 1;
        say("");
        List<String> misses = summary.goalMisses(o.goalBidsPerSecond(), o.goalP99Millis(), o.goalDuration());
        String goal = String.format(Locale.ROOT, ">= %.0f accepted bids/s for %d s, p99 <= %.0f ms",
                o.goalBidsPerSecond(), o.goalDuration().toSeconds(), o.goalP99Millis());
        if (misses.isEmpty()) {
            say("goal (%s): MET", goal);
        } else {
            say("goal (%s): MISSED: %s%s", goal, String.join("; ", misses), o.goal() ? "" : " (not enforced: --no-goal)");
            if (o.goal() && code == 0) {
                code = 3;
            }
        }
        say("exit %d", code);
        return code;
    }

    private void checkReady() throws InterruptedException {
        try {
            // health is on the management interface, never on the API port
            HttpResponse<String> r = control.send(HttpRequest.newBuilder(URI.create(o.auctionCoreManagementUrl() + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("auction-core at " + o.auctionCoreManagementUrl() + " is not ready: "
                        + r.statusCode() + " " + r.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException("auction-core at " + o.auctionCoreUrl()
                    + " does not answer (is the stack up? ./platform up -d): " + e);
        }
    }

    /** A 10-year note, new issue, single price on yield; bidding opens in 2 s and closes after the run and a margin. */
    private String announce(TokenSource desk) throws IOException, InterruptedException {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant opens = now.plusSeconds(2);
        Instant closes = opens.plus(Duration.ofSeconds(5)).plus(o.warmup()).plus(o.duration()).plus(o.closeMargin());
        LocalDate issue = LocalDate.now(ZoneOffset.UTC).plusDays(7);
        String body = """
                {"format": "SINGLE_PRICE", "bidBasis": "YIELD",
                 "security": {"securityType": "NOTE", "issueDate": "%s", "maturityDate": "%s"},
                 "offeringAmount": 42000000000, "rateIncrement": "0.001", "minimumBid": 100, "bidMultiple": 100,
                 "biddingOpensAt": "%s", "nonCompetitiveClosesAt": "%s", "competitiveClosesAt": "%s"}"""
                .formatted(issue, issue.plusYears(10), opens, closes, closes);
        HttpResponse<String> r = control.send(HttpRequest.newBuilder(URI.create(o.auctionCoreUrl() + "/api/v1/auctions"))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", desk.bearer())
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "loadgen-" + UUID.randomUUID())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException("announcing the auction: " + r.statusCode() + " " + r.body());
        }
        JsonNode a = JSON.readTree(r.body());
        say("auction %s announced by desk1: 10-year note %s, opens %s, closes %s",
                a.path("auctionId").asText(), a.path("security").path("isin").asText(), opens, closes);
        return a.path("auctionId").asText();
    }

    private void awaitOpen(TokenSource desk, String auctionId) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        URI uri = URI.create(o.auctionCoreUrl() + "/api/v1/auctions/" + auctionId);
        while (System.nanoTime() - deadline < 0) {
            HttpResponse<String> r = control.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5))
                    .header("Authorization", desk.bearer()).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200 && "OPEN".equals(JSON.readTree(r.body()).path("status").asText())) {
                say("auction %s is OPEN", auctionId);
                return;
            }
            Thread.sleep(50); // poll while the lifecycle timer opens it
        }
        throw new IllegalStateException("auction " + auctionId + " did not open within 30 s");
    }

    /**
     * Sends up to 50 acknowledged bids again with their Idempotency-Key and body: each must answer
     * 201 with the same bidId and store nothing new. Returns how many did not (they fail the run);
     * a replay that created a second bid is added to the unknown outcomes so that the durability
     * check counts that bid once, here, and not again as unexplained.
     */
    private int replay(List<Ack> acks, Map<String, HttpClient> http, Map<String, TokenSource> tokens, URI bidsUri,
            List<SentBid> unknown) throws InterruptedException {
        if (acks.isEmpty()) {
            say("idempotency replays  none (nothing acknowledged)");
            return 0;
        }
        SplittableRandom random = new SplittableRandom(42);
        int n = Math.min(50, acks.size());
        int same = 0;
        List<String> other = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Ack a = acks.get(random.nextInt(acks.size()));
            SentBid b = a.bid();
            try {
                HttpResponse<String> r = http.get(b.dealer()).send(HttpRequest.newBuilder(bidsUri)
                        .timeout(o.requestTimeout())
                        .header("Authorization", tokens.get(b.dealer()).bearer())
                        .header("Content-Type", "application/json")
                        .header("Idempotency-Key", b.idempotencyKey())
                        .POST(HttpRequest.BodyPublishers.ofString(b.json())).build(), HttpResponse.BodyHandlers.ofString());
                String id = r.statusCode() == 201 ? JSON.readTree(r.body()).path("bidId").asText("") : "";
                if (id.equals(a.bidId())) {
                    same++;
                } else {
                    other.add(r.statusCode() + (id.isEmpty() ? "" : " bidId " + id + " instead of " + a.bidId()));
                    if (r.statusCode() == 201) {
                        unknown.add(b); // a second bid was created: let the durability check count it, flagged here
                    }
                }
            } catch (IOException e) {
                other.add(e.getClass().getSimpleName());
            }
        }
        say("idempotency replays  %d of %d answered 201 with the original bidId%s", same, n,
                other.isEmpty() ? "" : "; others: " + String.join(", ", other.subList(0, Math.min(5, other.size()))));
        return other.size();
    }

    private List<StoredBid> ownBids(HttpClient http, TokenSource token, URI bidsUri) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(bidsUri).timeout(Duration.ofSeconds(120))
                .header("Authorization", token.bearer()).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET own bids as " + token.principal + ": " + r.statusCode() + " "
                    + new String(r.body(), StandardCharsets.UTF_8));
        }
        List<StoredBid> out = new ArrayList<>();
        for (JsonNode b : JSON.readTree(r.body())) {
            out.add(new StoredBid(b.path("bidId").asText(), b.path("bidderId").asText(), b.path("kind").asText(),
                    b.path("rate").asText(), b.path("amount").asLong(-1), b.path("withdrawn").asBoolean(false)));
        }
        return out;
    }

    private static void say(String format, Object... args) {
        System.out.println(args.length == 0 ? format : String.format(Locale.ROOT, format, args));
    }
}
