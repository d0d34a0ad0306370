package io.sovereign.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.sovereign.stack.Service;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The authorization matrix of every operation of identity, auction-core and settlement, generated
 * from each running service's OpenAPI document, against every realm role with real tokens and
 * without a token. The roles an operation allows are the ones the service publishes in the
 * operation's security requirement (scopes of {@code SecurityScheme}, from {@code @RolesAllowed});
 * an empty list means any authenticated caller ({@code @Authenticated}); an operation without a
 * security requirement must be in {@link #PUBLIC}, so an endpoint nobody thought about fails here.
 * Inputs are harmless: unknown ids, the caller's own investor id, empty JSON bodies.
 */
@ExtendWith(PlatformStack.class)
class AuthorizationMatrixIT {

    /** The only operations open to anonymous callers, on purpose. */
    private static final Set<String> PUBLIC = Set.of("auction-core POST /api/v1/calculators/price");

    private static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A caller: its token (null: none), its bidder id, its realm roles. */
    record Principal(String name, String token, String bidderId, Set<String> roles) {
    }

    /** An operation as published: service, method, path, the roles allowed (empty = any authenticated), public. */
    record Operation(Service service, String method, String path, Set<String> roles, boolean open) {
        String key() {
            return service.module() + " " + method + " " + path;
        }

        boolean allows(Principal p) {
            return open || (p.token() != null && (roles.isEmpty() || p.roles().stream().anyMatch(roles::contains)));
        }
    }

    private static final List<Principal> PRINCIPALS = new ArrayList<>();

    @BeforeAll
    static void principals() throws Exception {
        PRINCIPALS.add(new Principal("no token", null, "anonymous-" + UUID.randomUUID(), Set.of()));
        for (String user : List.of("desk1", "desk2", "compliance1", "operator1", "auditor1", "retail1", "trader1")) {
            PRINCIPALS.add(principal(user, Tokens.user(user)));
        }
        PRINCIPALS.add(principal("dealer-01 (client)", Tokens.dealer("dealer-01")));
        String direct = KeycloakUsers.create("direct", "direct-bidder");
        PRINCIPALS.add(principal("fresh direct-bidder", Tokens.user(KeycloakUsers.username(direct))));
        // a user who signed up gets only the realm's default roles (retail-investor among them)
        String none = KeycloakUsers.create("norole");
        PRINCIPALS.add(principal("fresh user, default roles", Tokens.user(KeycloakUsers.username(none))));
    }

    private static Principal principal(String name, String token) throws Exception {
        JsonNode claims = JSON.readTree(Tokens.payload(token));
        Set<String> roles = new LinkedHashSet<>();
        claims.path("realm_access").path("roles").forEach(r -> roles.add(r.asText()));
        String bidderId = claims.hasNonNull("client_id") ? claims.get("client_id").asText() : claims.get("sub").asText();
        return new Principal(name, token, bidderId, roles);
    }

    /** Every operation of the three API services, from their OpenAPI documents. */
    static List<Operation> operations() throws Exception {
        List<Operation> ops = new ArrayList<>();
        for (Service s : List.of(Service.IDENTITY, Service.AUCTION_CORE, Service.SETTLEMENT)) {
            JsonNode doc = JSON.readTree(given().get(PlatformStack.url(s) + "/q/openapi?format=json").then()
                    .statusCode(200).extract().asString());
            JsonNode rootSecurity = doc.path("security");
            for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext();) {
                Map.Entry<String, JsonNode> path = paths.next();
                for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext();) {
                    Map.Entry<String, JsonNode> m = methods.next();
                    if (!Set.of("get", "put", "post", "delete", "patch").contains(m.getKey())) {
                        continue;
                    }
                    JsonNode security = m.getValue().has("security") ? m.getValue().get("security") : rootSecurity;
                    String method = m.getKey().toUpperCase();
                    boolean secured = security.isArray() && !security.isEmpty();
                    Set<String> roles = new LinkedHashSet<>();
                    if (secured) {
                        security.forEach(req -> req.fields().forEachRemaining(e -> e.getValue().forEach(r -> roles.add(r.asText()))));
                    }
                    ops.add(new Operation(s, method, path.getKey(), roles, !secured));
                }
            }
        }
        return ops;
    }

    @Test
    void everyOperationAgainstEveryRole() throws Exception {
        List<Operation> ops = operations();
        assertThat(ops).as("operations published").hasSizeGreaterThan(25);
        // an operation without a security requirement is public only if this test says so
        assertThat(ops.stream().filter(Operation::open).map(Operation::key).toList())
                .as("operations without a security requirement").containsExactlyInAnyOrderElementsOf(PUBLIC);

        List<String> failures = new ArrayList<>();
        Map<String, Integer> byOutcome = new LinkedHashMap<>();
        int cells = 0;
        StringBuilder table = new StringBuilder();
        for (Operation op : ops) {
            table.append(String.format("%-75s", op.key()));
            for (Principal p : PRINCIPALS) {
                Response r = call(op, p);
                int status = r.statusCode();
                cells++;
                String expected;
                boolean ok;
                if (status >= 500) {
                    expected = "never 5xx";
                    ok = false;
                } else if (op.allows(p)) {
                    // a business rule may still refuse (a retail investor without KYC may not subscribe), never the role check
                    expected = "not 401, not the role refusal";
                    ok = status != 401 && !(status == 403 && roleRefusal(r));
                } else if (p.token() == null) {
                    expected = "401";
                    ok = status == 401;
                } else {
                    expected = "403 role refusal";
                    ok = status == 403 && roleRefusal(r);
                }
                byOutcome.merge(expected + " -> " + status, 1, Integer::sum);
                table.append(' ').append(status);
                if (!ok) {
                    failures.add(op.key() + " as " + p.name() + " " + p.roles() + ": expected " + expected + ", got "
                            + status + " " + abbreviate(r.asString()));
                }
            }
            table.append('\n');
        }
        System.out.printf("Authorization matrix: %d operations x %d callers = %d requests%n%s%s%n", ops.size(),
                PRINCIPALS.size(), cells, PRINCIPALS.stream().map(Principal::name).toList() + "\n", table);
        System.out.println("Outcomes: " + byOutcome);
        assertThat(failures).as("matrix cells that broke the rule").isEmpty();
    }

    private static Response call(Operation op, Principal p) {
        StringBuilder url = new StringBuilder();
        Matcher m = PARAM.matcher(op.path());
        while (m.find()) {
            m.appendReplacement(url, Matcher.quoteReplacement(value(m.group(1), p)));
        }
        m.appendTail(url);
        RequestSpecification spec = given().redirects().follow(false).accept("application/json");
        if (p.token() != null) {
            spec = spec.auth().oauth2(p.token());
        }
        if (!op.method().equals("GET") && !op.method().equals("DELETE")) {
            spec = spec.contentType("application/json").body("{}").header("Idempotency-Key", UUID.randomUUID().toString());
        }
        return spec.request(op.method(), PlatformStack.url(op.service()) + url);
    }

    /** Unknown ids, except an investor id: the caller's own (what a caller may see of itself). */
    private static String value(String param, Principal p) {
        return switch (param) {
            case "investorId" -> p.bidderId();
            case "isin" -> "XS0000000009";
            case "clientId" -> "no-such-dealer";
            default -> UUID.randomUUID().toString();
        };
    }

    /** The problem every service answers when a role check fails (platform-kit's ProblemMappers). */
    private static boolean roleRefusal(Response r) {
        return r.contentType().startsWith("application/problem+json")
                && "Your role does not allow this operation".equals(r.jsonPath().getString("detail"));
    }

    private static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
