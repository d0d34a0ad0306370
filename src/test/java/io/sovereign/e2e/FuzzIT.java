package io.sovereign.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sovereign.e2e.AuctionDriver.Auction;
import io.sovereign.e2e.AuctionDriver.Bid;
import io.sovereign.e2e.HostileBodies.Body;
import io.sovereign.stack.Service;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.web3j.crypto.Keys;

/**
 * Bad input (issue 9, item 3): every POST and PUT of identity, auction-core and settlement, as
 * their OpenAPI lists them, receives hundreds of malformed or hostile bodies ({@link HostileBodies},
 * from a printed seed; {@code -Dfuzz.seed=} replays one) with a token of a role allowed to call it
 * and real resources in its path. Every answer must be a 4xx RFC 9457 problem, never a 5xx or a
 * dropped connection, and no table of the three databases may change.
 */
@ExtendWith(PlatformStack.class)
class FuzzIT {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(30)).build();
    private static final List<Service> SERVICES = List.of(Service.IDENTITY, Service.AUCTION_CORE, Service.SETTLEMENT);
    /** Bodies at least, over all endpoints. */
    private static final int MINIMUM_BODIES = 10_000;
    /** Random multi-field bodies per endpoint with a request body. */
    private static final int RANDOM_PER_ENDPOINT = 450;
    private static final int PARALLEL = 4;
    /** Tables that change by themselves: the relay's marks on sent events, the instances' heartbeats. */
    private static final Set<String> MOVING_TABLES = Set.of("outbox_event", "auction_instance");
    /** Work queues whose bookkeeping (attempts, next attempt, done) moves by itself: only what was queued counts. */
    private static final Map<String, String> QUEUED_COLUMNS = Map.of("chain_task", "task_id, kind, subject, requested_at");
    /**
     * Endpoints that compute and store nothing: a body valid by surprise may be answered (a bid id is
     * any label in a simulation); they must still never fail, and the databases prove they store nothing.
     */
    private static final Set<String> STATELESS = Set.of("/api/v1/calculators/price", "/api/v1/auctions/simulate");

    /** A POST or PUT of a service's OpenAPI. */
    record Endpoint(Service service, String method, String path, JsonNode requestSchema) {

        String name() {
            return method + " " + service.module() + path;
        }
    }

    /** The resources the path parameters point to, and the callers. */
    private record World(Auction open, Auction cancelled, String isin, String investor, String pendingDealer,
            FreshInvestors.Investor registrant, LocalDate couponDate) {
    }

    @Test
    void hostileBodiesAreRefusedWithProblemsAndChangeNothing() throws Exception {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        System.out.println("[FuzzIT] seed " + seed + " (replay with -Dfuzz.seed=" + seed + ")");
        World world = prepare();
        List<Endpoint> endpoints = new ArrayList<>();
        Map<Service, JsonNode> specs = new LinkedHashMap<>();
        for (Service s : SERVICES) {
            JsonNode spec = openApi(s);
            java.nio.file.Path dump = java.nio.file.Path.of("target", "fuzz", "openapi-" + s.module() + ".json");
            java.nio.file.Files.createDirectories(dump.getParent());
            MAPPER.writerWithDefaultPrettyPrinter().writeValue(dump.toFile(), spec);
            specs.put(s, spec);
            endpoints.addAll(endpoints(s, spec));
        }
        assertThat(endpoints).extracting(Endpoint::name).contains(
                "PUT identity/api/v1/investors/me", "POST identity/api/v1/investors/{investorId}/kyc",
                "POST auction-core/api/v1/auctions/{auctionId}/bids", "POST auction-core/api/v1/auctions",
                "POST settlement/api/v1/cash-accounts/{investorId}/deposits");

        Map<String, AuthorizationMatrixIT.Operation> published = new java.util.HashMap<>();
        for (AuthorizationMatrixIT.Operation op : AuthorizationMatrixIT.operations()) {
            published.put(op.method() + " " + op.service().module() + op.path(), op);
        }
        Set<String> moving = movingAuctions(world);
        // the work the preparation started (events, chain tasks) settles first
        Map<String, String> before = quiet(moving);
        HostileBodies bodies = new HostileBodies(seed);
        Map<String, Integer> perEndpoint = new TreeMap<>();
        Map<String, Integer> perCategory = new TreeMap<>();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        Instant started = Instant.now();
        int total = 0;
        for (Endpoint e : endpoints) {
            String example = example(e, world, specs.get(e.service()));
            List<Body> list = new ArrayList<>();
            JsonNode spec = specs.get(e.service());
            if (example != null && MAPPER.readTree(example) instanceof ObjectNode node) {
                list.addAll(bodies.mutations(node, requiredPaths(e.requestSchema(), spec, ""),
                        (path, raw) -> schemaValid(e.requestSchema(), spec, path, raw), RANDOM_PER_ENDPOINT, true));
            }
            list.addAll(bodies.generic(example));
            String url = PlatformStack.url(e.service()) + fill(e, world);
            String token = token(e, world, published.get(e.name()));
            send(e, url, token, list, STATELESS.contains(e.path()), failures);
            perEndpoint.put(e.name(), list.size());
            list.forEach(b -> perCategory.merge(b.category(), 1, Integer::sum));
            total += list.size();
        }
        Duration took = Duration.between(started, Instant.now());
        System.out.println("[FuzzIT] " + total + " bodies to " + endpoints.size() + " endpoints in " + took.toSeconds() + " s");
        perEndpoint.forEach((k, v) -> System.out.println("[FuzzIT]   " + v + "\t" + k));
        perCategory.forEach((k, v) -> System.out.println("[FuzzIT]   " + v + "\t" + k));
        Map<String, Integer> failureKinds = new TreeMap<>();
        failures.forEach(f -> failureKinds.merge(f.substring(0, f.indexOf(']') + 1) + " -> "
                + f.substring(f.lastIndexOf(" -> ") + 4, Math.min(f.length(), f.lastIndexOf(" -> ") + 40)), 1, Integer::sum));
        failureKinds.forEach((k, v) -> System.out.println("[FuzzIT] FAILED " + v + "x " + k));
        failures.stream().limit(300).forEach(f -> System.out.println("[FuzzIT] FAILED " + f));
        Map<String, String> after = snapshot(moving);
        Map<String, String> changed = new TreeMap<>();
        before.forEach((table, sum) -> {
            if (!sum.equals(after.get(table))) {
                changed.put(table, sum + " -> " + after.get(table));
            }
        });
        after.keySet().stream().filter(t -> !before.containsKey(t)).forEach(t -> changed.put(t, "new table"));
        changed.forEach((k, v) -> System.out.println("[FuzzIT] CHANGED " + k + " " + v));
        assertThat(failures).as("answers that are not a 4xx problem").isEmpty();
        assertThat(changed).as("tables changed by refused requests").isEmpty();
        assertThat(total).isGreaterThanOrEqualTo(MINIMUM_BODIES);
        assertThat(perEndpoint.values()).allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(60));
    }

    // ---- the world the path parameters point to ----

    private static World prepare() {
        List.of("desk1", "desk2", "operator1", "compliance1", "retail1").forEach(Tokens::user);
        // an ISIN with a token deployed, not yet matured (redeem: 409) with its first coupon to come (coupons: 409)
        LocalDate today = LocalDate.now();
        Auction settled = AuctionDriver.announceNote(today.minusMonths(1), today.plusYears(2), 10_000_000);
        var awards = AuctionDriver.run(settled, List.of(Bid.competitive(Tokens.dealer("dealer-03"), "4.010", 5_000_000)));
        SettlementApi.awaitFinal(settled.id(), awards.size(), Duration.ofSeconds(90));
        SettlementApi.awaitToken(settled.isin());
        // an auction open for an hour (bids, subscriptions) and a cancelled one (close, cancel, publish: 409)
        Auction open = AuctionDriver.announceNote(today.plusDays(7), today.plusYears(3), 1_000_000_000);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String cancelledId = given().auth().oauth2(Tokens.user("desk1")).contentType("application/json")
                .body(Announcements.note(now.plusSeconds(600), now.plusSeconds(3300), now.plusSeconds(3600)))
                .post(AuctionDriver.url("/auctions")).then().statusCode(201).extract().path("auctionId");
        given().auth().oauth2(Tokens.user("desk1")).post(AuctionDriver.url("/auctions/" + cancelledId + "/cancel"))
                .then().statusCode(200);
        // an investor of its own who is also a compliance officer, registered (PENDING): its PUT /investors/me
        // names another investor's wallet (409 once valid), its KYC decisions are on its own record (403 once valid)
        String id = KeycloakUsers.create("fuzz", "retail-investor", "compliance-officer");
        FreshInvestors.Investor registrant = new FreshInvestors.Investor(id, KeycloakUsers.username(id),
                Keys.toChecksumAddress("0x" + (UUID.randomUUID() + "" + UUID.randomUUID()).replace("-", "").substring(0, 40)));
        given().auth().oauth2(registrant.token()).contentType("application/json")
                .body("{\"legalName\": \"Fuzz Saver\", \"country\": \"FR\", \"walletAddress\": \"%s\"}"
                        .formatted(registrant.wallet()))
                .put(PlatformStack.url(Service.IDENTITY) + "/api/v1/investors/me").then().statusCode(200);
        // a dealer requested by desk1, pending: approve by desk1 is 403 (four eyes), disable 409
        String dealer = "fuzz-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(Tokens.user("desk1")).contentType("application/json")
                .body("{\"clientId\": \"%s\", \"legalName\": \"Fuzz Dealer Ltd\"}".formatted(dealer))
                .post(PlatformStack.url(Service.IDENTITY) + "/api/v1/dealers").then().statusCode(202);
        return new World(open, new Auction(cancelledId, null), settled.isin(), "dealer-03", dealer, registrant,
                today.minusMonths(1).plusMonths(6));
    }

    /** The path with its parameters filled with real resources. */
    private static String fill(Endpoint e, World w) {
        String p = e.path();
        boolean hasBody = e.requestSchema() != null;
        p = p.replace("{auctionId}", hasBody ? w.open().id() : w.cancelled().id());
        p = p.replace("{isin}", w.isin());
        p = p.replace("{investorId}", e.service() == Service.IDENTITY ? w.registrant().investorId() : w.investor());
        p = p.replace("{clientId}", w.pendingDealer());
        p = p.replace("{eventId}", UUID.randomUUID().toString()); // no parked event: the operator endpoints answer 404
        assertThat(p).as("a path parameter of " + e.name() + " without a resource").doesNotContain("{");
        return p;
    }

    /**
     * A token of a role the endpoint allows: the roles come from the operation's security requirement in
     * the service's OpenAPI document (as {@link AuthorizationMatrixIT} reads them); the first dev user
     * whose token carries one of them is taken.
     */
    private static String token(Endpoint e, World w, AuthorizationMatrixIT.Operation op) throws IOException {
        if (e.path().startsWith("/api/v1/investors/")) {
            return w.registrant().token(); // a PUT /me on its own record, a KYC decision on its own record
        }
        assertThat(op).as("the OpenAPI operation of " + e.name()).isNotNull();
        List<java.util.function.Supplier<String>> candidates = List.of(() -> Tokens.user("desk1"),
                () -> Tokens.user("desk2"), () -> Tokens.dealer("dealer-01"), () -> Tokens.user("retail1"),
                () -> Tokens.user("compliance1"), () -> Tokens.user("operator1"), () -> Tokens.user("auditor1"));
        for (var candidate : candidates) {
            String token = candidate.get();
            Set<String> roles = new java.util.HashSet<>();
            MAPPER.readTree(Tokens.payload(token)).path("realm_access").path("roles").forEach(r -> roles.add(r.asText()));
            if (op.open() || op.roles().isEmpty() || op.roles().stream().anyMatch(roles::contains)) {
                return token;
            }
        }
        throw new AssertionError("No dev user has a role " + e.name() + " allows: " + op.roles());
    }

    /** The endpoint's valid example body (null: it takes none). */
    private static String example(Endpoint e, World w, JsonNode spec) {
        if (e.requestSchema() == null) {
            return null;
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return switch (e.method() + " " + e.path()) {
            case "POST /api/v1/calculators/price" -> """
                    {"securityType": "NOTE", "issueDate": "1990-05-15", "maturityDate": "2020-05-15",
                     "datedDate": "1990-05-15", "firstInterestPaymentDate": "1990-11-15",
                     "couponRate": "8.750", "yield": "8.840"}""";
            case "POST /api/v1/auctions/simulate" -> """
                    {"format": "SINGLE_PRICE", "bidBasis": "YIELD",
                     "security": {"securityType": "NOTE", "issueDate": "2022-08-15", "maturityDate": "2025-08-15"},
                     "offeringAmount": 42000000000, "maxAwardRatio": "0.35", "nonCompetitiveLimit": 10000000,
                     "minimumBid": 100, "bidMultiple": 100, "rateIncrement": "0.001",
                     "bids": [
                       {"bidId": "b1", "bidderId": "dealer-01", "kind": "COMPETITIVE", "rate": "3.202",
                        "amount": 1000000000, "netLongPosition": 0}]}""";
            case "POST /api/v1/auctions" -> Announcements.note(now.plusSeconds(600), now.plusSeconds(3300),
                    now.plusSeconds(3600));
            case "POST /api/v1/auctions/{auctionId}/bids" -> AuctionCore.competitive("3.202", 1_000_000);
            case "POST /api/v1/auctions/{auctionId}/subscriptions" -> "{\"amount\": 5000}";
            case "PUT /api/v1/investors/me" -> // retail1's wallet: a valid body is a 409
                    "{\"legalName\": \"Fuzz Saver\", \"country\": \"FR\", \"walletAddress\": \"0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65\"}";
            case "POST /api/v1/investors/{investorId}/kyc" -> "{\"decision\": \"REJECTED\", \"reason\": \"documents expired\"}";
            case "POST /api/v1/dealers" -> // a client id taken: a valid body is a 409
                    "{\"clientId\": \"%s\", \"legalName\": \"Fuzz Dealer Two Ltd\"}".formatted(w.pendingDealer());
            case "POST /api/v1/cash-accounts/{investorId}/deposits" -> "{\"amount\": \"1000.00\"}";
            case "POST /api/v1/securities/{isin}/coupons" -> "{\"paymentDate\": \"" + w.couponDate() + "\"}";
            default -> synthesize(e.requestSchema(), spec).toString(); // a new endpoint: its schema's shape
        };
    }

    // ---- OpenAPI ----

    private static JsonNode openApi(Service s) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(PlatformStack.url(s) + "/q/openapi?format=json"))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return MAPPER.readTree(r.body());
    }

    private static List<Endpoint> endpoints(Service s, JsonNode spec) {
        List<Endpoint> out = new ArrayList<>();
        spec.path("paths").fields().forEachRemaining(p -> {
            for (String method : List.of("post", "put")) {
                JsonNode op = p.getValue().get(method);
                if (op == null) {
                    continue;
                }
                JsonNode content = op.path("requestBody").path("content");
                JsonNode schema = null;
                if (content.has("application/json")) {
                    schema = content.get("application/json").path("schema");
                } else if (content.size() > 0) {
                    schema = content.elements().next().path("schema");
                }
                out.add(new Endpoint(s, method.toUpperCase(), p.getKey(), schema));
            }
        });
        return out;
    }

    private static JsonNode resolve(JsonNode schema, JsonNode spec) {
        JsonNode s = schema;
        for (int i = 0; i < 10 && s != null; i++) {
            if (s.has("$ref")) {
                String ref = s.get("$ref").asText();
                s = spec.path("components").path("schemas").get(ref.substring(ref.lastIndexOf('/') + 1));
            } else if (s.has("allOf") && s.get("allOf").size() == 1) {
                s = s.get("allOf").get(0);
            } else {
                return s;
            }
        }
        return s;
    }

    /** The paths ("security.issueDate", "bids[0].kind") of the required fields of the schema. */
    private static Set<String> requiredPaths(JsonNode schema, JsonNode spec, String prefix) {
        Set<String> out = new HashSet<>();
        JsonNode s = resolve(schema, spec);
        if (s == null) {
            return out;
        }
        s.path("required").forEach(r -> out.add(prefix + r.asText()));
        s.path("properties").fields().forEachRemaining(f -> {
            JsonNode p = resolve(f.getValue(), spec);
            if (p == null) {
                return;
            }
            if (p.has("properties")) {
                out.addAll(requiredPaths(p, spec, prefix + f.getKey() + "."));
            } else if ("array".equals(p.path("type").asText()) && p.has("items")) {
                out.addAll(requiredPaths(p.get("items"), spec, prefix + f.getKey() + "[0]."));
            }
        });
        return out;
    }

    /** A body of the schema's shape, for an endpoint without a known example. */
    private static JsonNode synthesize(JsonNode schema, JsonNode spec) {
        JsonNode s = resolve(schema, spec);
        if (s == null) {
            return MAPPER.createObjectNode();
        }
        if (s.has("enum")) {
            return s.get("enum").get(0);
        }
        switch (s.path("type").asText("object")) {
            case "integer":
                return MAPPER.getNodeFactory().numberNode(100);
            case "number":
                return MAPPER.getNodeFactory().numberNode(1.5);
            case "boolean":
                return MAPPER.getNodeFactory().booleanNode(true);
            case "string":
                return MAPPER.getNodeFactory().textNode(switch (s.path("format").asText()) {
                    case "date" -> LocalDate.now().toString();
                    case "date-time" -> Instant.now().toString();
                    default -> "x";
                });
            case "array":
                return MAPPER.createArrayNode().add(synthesize(s.get("items"), spec));
            default:
                ObjectNode o = MAPPER.createObjectNode();
                s.path("properties").fields().forEachRemaining(f -> o.set(f.getKey(), synthesize(f.getValue(), spec)));
                return o;
        }
    }

    // ---- sending and judging ----

    private static void send(Endpoint e, String url, String token, List<Body> bodies, boolean stateless,
            List<String> failures)
            throws InterruptedException {
        Semaphore inFlight = new Semaphore(PARALLEL);
        List<CompletableFuture<Void>> sent = new ArrayList<>(bodies.size());
        for (Body b : bodies) {
            inFlight.acquire();
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + token).header("Idempotency-Key", UUID.randomUUID().toString())
                    .header("Accept", "application/json, application/problem+json")
                    .method(e.method(), HttpRequest.BodyPublishers.ofByteArray(b.bytes()));
            if (b.contentType() != null) {
                request.header("Content-Type", b.contentType());
            }
            sent.add(HTTP.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString()).handle((r, error) -> {
                inFlight.release();
                String verdict = error != null ? "no answer: " + error
                        : stateless && r.statusCode() < 300 ? null : judge(r);
                if (verdict != null) {
                    failures.add(e.name() + " [" + b.category() + "] " + preview(b) + " -> " + verdict);
                }
                return null;
            }));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
    }

    /** Null if the answer is a 4xx problem; else what is wrong with it. */
    private static String judge(HttpResponse<String> r) {
        int status = r.statusCode();
        String summary = status + " " + r.headers().firstValue("Content-Type").orElse("(no type)") + " "
                + (r.body().length() > 300 ? r.body().substring(0, 300) + "…" : r.body());
        if (status < 400 || status >= 500) {
            return summary;
        }
        if (!r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
            return "not a problem: " + summary;
        }
        try {
            JsonNode problem = MAPPER.readTree(r.body());
            if (problem.path("status").asInt() != status || problem.path("title").asText("").isEmpty()) {
                return "problem without status/title: " + summary;
            }
        } catch (IOException ex) {
            return "problem not JSON: " + summary;
        }
        return null;
    }

    private static String preview(Body b) {
        int shown = b.bytes().length <= 800 ? b.bytes().length : 160;
        String text = new String(b.bytes(), 0, shown, java.nio.charset.StandardCharsets.UTF_8);
        return (b.contentType() == null ? "" : "(" + b.contentType() + ") ") + text.replace("\n", " ")
                + (b.bytes().length > shown ? "… (" + b.bytes().length + " bytes)" : "");
    }

    /**
     * Whether a raw value is valid for the field by the schema's own rule, so not hostile: a string its
     * {@code pattern} matches whole (Bean Validation's reading) within {@code maxLength}, one of its
     * {@code enum}, or an integer within its declared {@code minimum}/{@code maximum}.
     */
    private static boolean schemaValid(JsonNode schema, JsonNode spec, String path, String raw) {
        JsonNode field = resolve(schema, spec);
        for (String part : path.split("\\.")) {
            if (field == null) {
                return false;
            }
            boolean element = part.endsWith("[0]");
            field = resolve(field.path("properties").get(element ? part.substring(0, part.length() - 3) : part), spec);
            if (element && field != null) {
                field = resolve(field.get("items"), spec);
            }
        }
        if (field == null) {
            return false;
        }
        if ((field.has("minimum") || field.has("maximum")) && "integer".equals(field.path("type").asText())) {
            try {
                JsonNode n = MAPPER.readTree(raw);
                return n != null && n.isIntegralNumber() && n.canConvertToLong()
                        && (!field.has("minimum") || n.longValue() >= field.get("minimum").asLong())
                        && (!field.has("maximum") || n.longValue() <= field.get("maximum").asLong());
            } catch (IOException ex) {
                return false;
            }
        }
        if (!raw.startsWith("\"")) {
            return false;
        }
        String value;
        try {
            value = MAPPER.readTree(raw).asText();
        } catch (IOException ex) {
            return false;
        }
        if (field.has("enum")) {
            for (JsonNode v : field.get("enum")) {
                if (v.asText().equals(value)) {
                    return true;
                }
            }
            return false;
        }
        if (!field.has("pattern") || value.length() > field.path("maxLength").asInt(Integer.MAX_VALUE)) {
            return false;
        }
        try {
            return java.util.regex.Pattern.compile(field.get("pattern").asText()).matcher(value).matches();
        } catch (RuntimeException ex) {
            return false;
        }
    }

    // ---- the databases ----

    /** The snapshot once two in a row, 3 s apart, are the same (at most 90 s). */
    private static Map<String, String> quiet(Set<String> moving) {
        List<Map<String, String>> last = new ArrayList<>(List.of(Map.of()));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(3)).until(() -> {
            Map<String, String> now = snapshot(moving);
            boolean same = now.equals(last.get(0));
            last.set(0, now);
            return same;
        });
        return last.get(0);
    }

    /**
     * Auctions of other test classes still ANNOUNCED or OPEN: they open, close and clear by
     * themselves on their schedule (new audit entries, allocations), so their rows are left out.
     */
    private static Set<String> movingAuctions(World w) throws SQLException {
        Set<String> out = new HashSet<>();
        try (Connection c = PlatformStack.database(Service.AUCTION_CORE); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select auction_id::text from auction where status in ('ANNOUNCED', 'OPEN')")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        out.remove(w.open().id());
        return out;
    }

    /**
     * A checksum of every table of the three databases but the moving ones, by "database.table"; rows
     * of the {@code moving} auctions are left out of tables with an auction_id.
     */
    private static Map<String, String> snapshot(Set<String> moving) throws SQLException {
        String notMoving = moving.isEmpty() ? "" : " where auction_id::text not in ("
                + String.join(",", moving.stream().map(id -> "'" + id.replace("'", "") + "'").toList()) + ")";
        Map<String, String> out = new TreeMap<>();
        for (Service s : SERVICES) {
            try (Connection c = PlatformStack.database(s); Statement st = c.createStatement()) {
                List<String> tables = new ArrayList<>();
                try (ResultSet rs = st.executeQuery("select table_name from information_schema.tables "
                        + "where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name")) {
                    while (rs.next()) {
                        tables.add(rs.getString(1));
                    }
                }
                Set<String> withAuctionId = new HashSet<>();
                try (ResultSet rs = st.executeQuery("select table_name from information_schema.columns "
                        + "where table_schema = 'public' and column_name = 'auction_id'")) {
                    while (rs.next()) {
                        withAuctionId.add(rs.getString(1));
                    }
                }
                for (String t : tables) {
                    if (MOVING_TABLES.contains(t) || t.startsWith("flyway")) {
                        continue;
                    }
                    String row = QUEUED_COLUMNS.containsKey(t) ? "(" + QUEUED_COLUMNS.get(t) + ")::text" : "t::text";
                    try (ResultSet rs = st.executeQuery("select count(*) || ':' || coalesce(md5(string_agg(md5(" + row + "), '' "
                            + "order by md5(" + row + "))), '-') from \"" + t + "\" t"
                            + (s == Service.AUCTION_CORE && withAuctionId.contains(t) ? notMoving : ""))) {
                        rs.next();
                        out.put(s.database() + "." + t, rs.getString(1));
                    }
                }
            }
        }
        return out;
    }
}
