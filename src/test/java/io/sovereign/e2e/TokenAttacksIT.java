package io.sovereign.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;

import io.sovereign.stack.Service;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Forged, stale and foreign tokens against every service: each is refused with 401 (never 403, 200
 * or a 5xx). Claim checks are isolated with a key the realm trusts ({@link ForgedTokens#trusted()}):
 * the same key and claims are accepted first, then one claim at a time is made wrong.
 */
@ExtendWith(PlatformStack.class)
class TokenAttacksIT {

    /** A GET every authenticated caller with role primary-dealer may make, per service. */
    private static final Map<Service, String> TARGETS = Map.of(
            Service.AUCTION_CORE, "/api/v1/auctions",
            Service.SETTLEMENT, "/api/v1/securities",
            Service.IDENTITY, "/api/v1/investors/me",
            Service.BIDDER_PORTAL, "/dealer");

    private static ForgedTokens trusted;

    @BeforeAll
    static void trustAKeyOfOurOwn() {
        trusted = ForgedTokens.trusted();
        // each service refetches the realm's keys on an unknown kid (at most every 10 s)
        String control = trusted.sign(ForgedTokens.dealerClaims());
        for (Service s : TARGETS.keySet()) {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2))
                    .until(() -> status(s, control) == 200);
        }
    }

    @AfterAll
    static void forgetIt() {
        if (trusted != null) {
            trusted.close();
        }
    }

    private static int status(Service s, String token) {
        return given().redirects().follow(false).auth().oauth2(token).accept(accept(s))
                .get(PlatformStack.url(s) + TARGETS.get(s)).statusCode();
    }

    /** The portal's pages are HTML (JSON is 406 there). */
    private static String accept(Service s) {
        return s == Service.BIDDER_PORTAL ? "text/html" : "application/json";
    }

    private static void refusedEverywhere(String attack, String token) {
        for (Service s : TARGETS.keySet()) {
            io.restassured.response.Response r = given().redirects().follow(false).auth().oauth2(token)
                    .accept(accept(s)).get(PlatformStack.url(s) + TARGETS.get(s));
            assertThat(r.statusCode()).as(attack + " on " + s + ": " + r.asString()).isEqualTo(401);
        }
        ATTACKS.add(attack);
    }

    private static final List<String> ATTACKS = new ArrayList<>();

    private static Map<String, Object> claims(String name, Object value) {
        Map<String, Object> c = ForgedTokens.dealerClaims();
        if (value == null) {
            c.remove(name);
        } else {
            c.put(name, value);
        }
        return c;
    }

    @Test
    void expired() {
        long now = System.currentTimeMillis() / 1000;
        Map<String, Object> c = ForgedTokens.dealerClaims();
        c.put("iat", now - 3600);
        c.put("exp", now - 600);
        refusedEverywhere("expired 10 minutes ago", trusted.sign(c));
        c.put("exp", now - 1);
        refusedEverywhere("expired a second ago", trusted.sign(c));
    }

    @Test
    void notYetValid() {
        long now = System.currentTimeMillis() / 1000;
        refusedEverywhere("nbf in 10 minutes", trusted.sign(claims("nbf", now + 600)));
        refusedEverywhere("iat in 10 minutes", trusted.sign(claims("iat", now + 600)));
    }

    @Test
    void anotherIssuer() {
        String master = PlatformStack.config().keycloakUrl() + "/realms/master";
        refusedEverywhere("iss = master realm, signed with a trusted key", trusted.sign(claims("iss", master)));
        // a real token of the master realm (the Keycloak admin's)
        refusedEverywhere("a real master-realm token", ForgedTokens.adminToken());
    }

    @Test
    void anotherRealmWithTheSameClaims() {
        // a second realm with its own keys: its tokens are signed right, by a key sovereign does not publish
        String admin = ForgedTokens.adminToken();
        String realm = "attacker-" + UUID.randomUUID().toString().substring(0, 8);
        String base = PlatformStack.config().keycloakUrl();
        given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("realm", realm, "enabled", true,
                        "roles", Map.of("realm", List.of(Map.of("name", "primary-dealer"))),
                        "clients", List.of(Map.of("clientId", "dealer-01", "secret", "dealer-01-secret",
                                "publicClient", false, "serviceAccountsEnabled", true, "standardFlowEnabled", false,
                                "protocolMappers", List.of(Map.of("name", "aud", "protocol", "openid-connect",
                                        "protocolMapper", "oidc-audience-mapper", "config", Map.of(
                                                "included.custom.audience", "sovereign-api",
                                                "access.token.claim", "true")))))))
                .post(base + "/admin/realms").then().statusCode(201);
        try {
            String foreign = given().formParams(Map.of("grant_type", "client_credentials", "client_id", "dealer-01",
                    "client_secret", "dealer-01-secret"))
                    .post(base + "/realms/" + realm + "/protocol/openid-connect/token")
                    .then().statusCode(200).extract().path("access_token");
            assertThat(Tokens.payload(foreign)).contains("sovereign-api").contains("\"azp\":\"dealer-01\"");
            refusedEverywhere("a real token of another realm, same client id and audience", foreign);
        } finally {
            given().auth().oauth2(admin).delete(base + "/admin/realms/" + realm).then().statusCode(204);
        }
    }

    @Test
    void algNoneAndBadSignatures() {
        refusedEverywhere("alg none", ForgedTokens.unsigned(ForgedTokens.dealerClaims()));
        refusedEverywhere("alg none, empty signature dropped", ForgedTokens.unsigned(ForgedTokens.dealerClaims())
                .replaceAll("\\.$", ""));
        refusedEverywhere("tampered signature of a real token", Tokens.tampered(Tokens.dealer("dealer-01")));
        Map<String, Object> escalated = new java.util.LinkedHashMap<>(ForgedTokens.dealerClaims());
        escalated.put("realm_access", Map.of("roles", List.of("auction-desk", "auction-supervisor", "primary-dealer")));
        refusedEverywhere("a real token's signature over an escalated payload",
                ForgedTokens.withPayload(Tokens.dealer("dealer-01"), escalated));
        refusedEverywhere("signed by an unknown key", ForgedTokens.untrusted().sign(ForgedTokens.dealerClaims()));
        refusedEverywhere("not a JWT", "not-a-token");
    }

    @Test
    void wrongAudience() {
        refusedEverywhere("aud = another api, trusted key", trusted.sign(claims("aud", "another-api")));
        refusedEverywhere("no aud, trusted key", trusted.sign(claims("aud", null)));
        // a real token of the realm from a client without the sovereign-api audience mapper
        String admin = ForgedTokens.adminToken();
        String base = PlatformStack.config().keycloakUrl() + "/admin/realms/sovereign";
        String clientId = "no-audience-" + UUID.randomUUID().toString().substring(0, 8);
        String location = given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("clientId", clientId, "secret", clientId + "-secret", "publicClient", false,
                        "serviceAccountsEnabled", true, "standardFlowEnabled", false))
                .post(base + "/clients").then().statusCode(201).extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        try {
            String serviceAccount = given().auth().oauth2(admin).get(base + "/clients/" + id + "/service-account-user")
                    .then().statusCode(200).extract().path("id");
            Object role = given().auth().oauth2(admin).get(base + "/roles/primary-dealer").then().statusCode(200)
                    .extract().as(Map.class);
            given().auth().oauth2(admin).contentType("application/json").body(List.of(role))
                    .post(base + "/users/" + serviceAccount + "/role-mappings/realm").then().statusCode(204);
            String token = given().formParams(Map.of("grant_type", "client_credentials", "client_id", clientId,
                    "client_secret", clientId + "-secret"))
                    .post(PlatformStack.config().issuer() + "/protocol/openid-connect/token")
                    .then().statusCode(200).extract().path("access_token");
            assertThat(Tokens.payload(token)).contains("primary-dealer").doesNotContain("sovereign-api");
            refusedEverywhere("a real realm token without the sovereign-api audience", token);
        } finally {
            given().auth().oauth2(admin).delete(base + "/clients/" + id).then().statusCode(204);
        }
    }

    @Test
    void aDisabledDealer() {
        String clientId = "dealer-" + UUID.randomUUID().toString().substring(0, 8);
        String dealers = PlatformStack.url(Service.IDENTITY) + "/api/v1/dealers";
        given().auth().oauth2(Tokens.user("desk1")).contentType("application/json")
                .body("{\"clientId\": \"" + clientId + "\", \"legalName\": \"Soon Disabled LLC\"}")
                .post(dealers).then().statusCode(202);
        String secret = given().auth().oauth2(Tokens.user("desk2")).post(dealers + "/" + clientId + "/approve")
                .then().statusCode(201).extract().path("clientSecret");
        Map<String, String> grant = Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret);
        String token = given().formParams(grant).post(PlatformStack.config().issuer() + "/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
        assertThat(status(Service.AUCTION_CORE, token)).isEqualTo(200);

        given().auth().oauth2(Tokens.user("desk1")).post(dealers + "/" + clientId + "/disable").then().statusCode(200);
        // its token, still unexpired, is refused by every service once the DealerDisabled event is in
        for (Service s : TARGETS.keySet()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> status(s, token) == 401);
        }
        refusedEverywhere("a disabled dealer's unexpired token", token);
        // and Keycloak issues it no new one
        given().formParams(grant).post(PlatformStack.config().issuer() + "/protocol/openid-connect/token")
                .then().statusCode(anyOf(equalTo(400), equalTo(401)));
    }

    @Test
    void aPersonDisabledInKeycloakGetsNoNewToken() {
        String id = KeycloakUsers.create("disabled", "primary-dealer");
        String username = KeycloakUsers.username(id);
        Map<String, String> grant = Map.of("grant_type", "password", "client_id", "platform-cli",
                "username", username, "password", username + "-pw");
        String issuer = PlatformStack.config().issuer();
        given().formParams(grant).post(issuer + "/protocol/openid-connect/token").then().statusCode(200);
        String admin = ForgedTokens.adminToken();
        given().auth().oauth2(admin).contentType("application/json").body(Map.of("enabled", false))
                .put(PlatformStack.config().keycloakUrl() + "/admin/realms/sovereign/users/" + id).then().statusCode(204);
        given().formParams(grant).post(issuer + "/protocol/openid-connect/token").then()
                .statusCode(anyOf(equalTo(400), equalTo(401)));
    }
}
