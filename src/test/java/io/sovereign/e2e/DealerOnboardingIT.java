package io.sovereign.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;

import io.sovereign.stack.Service;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A dealer system is requested by one desk officer, approved by another, and works at once. */
@ExtendWith(PlatformStack.class)
class DealerOnboardingIT {

    private static String dealers(String path) {
        return PlatformStack.url(Service.IDENTITY) + "/api/v1/dealers" + path;
    }

    private static io.restassured.response.Response token(String clientId, String secret) {
        return given().formParams(Map.of("grant_type", "client_credentials", "client_id", clientId,
                "client_secret", secret)).post(PlatformStack.config().issuer() + "/protocol/openid-connect/token");
    }

    @Test
    void requestApproveByAnotherOfficerUseAndDisable() {
        String clientId = "dealer-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(Tokens.user("desk1")).contentType("application/json")
                .body("{\"clientId\": \"" + clientId + "\", \"legalName\": \"New Primary Dealer LLC\"}")
                .post(dealers("")).then().statusCode(202)
                .body("status", equalTo("PENDING_APPROVAL")).body("requestedBy", equalTo("desk1"));

        // four eyes: not the officer who asked
        given().auth().oauth2(Tokens.user("desk1")).post(dealers("/" + clientId + "/approve")).then()
                .statusCode(403).contentType("application/problem+json")
                .body("detail", equalTo("Four eyes: the officer who requested dealer " + clientId
                        + " cannot approve it; another desk officer must"));
        String secret = given().auth().oauth2(Tokens.user("desk2")).post(dealers("/" + clientId + "/approve"))
                .then().statusCode(201)
                .body("status", equalTo("ACTIVE")).body("approvedBy", equalTo("desk2"))
                .extract().path("clientSecret");
        assertThat(secret).isNotBlank();
        // shown once
        given().auth().oauth2(Tokens.user("desk2")).post(dealers("/" + clientId + "/approve")).then().statusCode(409);
        given().auth().oauth2(Tokens.user("desk1")).get(dealers("")).then().statusCode(200)
                .body("clientId", hasItem(clientId)).body("[0]", not(hasKey("clientSecret")));

        // the new dealer bids under its client id with a primary-dealer token
        String token = token(clientId, secret).then().statusCode(200).extract().path("access_token");
        io.restassured.path.json.JsonPath claims = io.restassured.path.json.JsonPath.from(Tokens.payload(token));
        assertThat(claims.getList("realm_access.roles", String.class)).containsExactly("primary-dealer");
        assertThat(claims.getString("aud")).contains("sovereign-api");
        assertThat(claims.getString("azp")).isEqualTo(clientId);
        given().auth().oauth2(token).get(PlatformStack.url(Service.AUCTION_CORE) + "/api/v1/auctions")
                .then().statusCode(200);

        given().auth().oauth2(Tokens.user("desk1")).post(dealers("/" + clientId + "/disable")).then()
                .statusCode(200).body("status", equalTo("DISABLED")).body("disabledBy", equalTo("desk1"));
        token(clientId, secret).then().statusCode(anyOf(equalTo(400), equalTo(401)));
        // the token it already holds stops working everywhere, before it expires
        for (Service s : Service.values()) {
            String url = PlatformStack.url(s) + (s == Service.BIDDER_PORTAL ? "/dealer"
                    : s == Service.AUCTION_CORE ? "/api/v1/auctions"
                    : s == Service.SETTLEMENT ? "/api/v1/securities" : "/api/v1/investors/me");
            await().atMost(java.time.Duration.ofSeconds(15))
                    .until(() -> given().auth().oauth2(token).get(url).statusCode() == 401);
        }
        given().auth().oauth2(Tokens.dealer("dealer-01")).get(PlatformStack.url(Service.AUCTION_CORE)
                + "/api/v1/auctions").then().statusCode(200);
    }

    private static io.restassured.response.Response request(String clientId) {
        return given().auth().oauth2(Tokens.user("desk1")).contentType("application/json")
                .body("{\"clientId\": \"" + clientId + "\", \"legalName\": \"Would Be Dealer LLC\"}")
                .post(dealers(""));
    }

    private static String keycloak(String path) {
        return PlatformStack.config().keycloakUrl() + "/admin/realms/sovereign" + path;
    }

    /** The secret Keycloak holds for a client (read with the admin API). */
    private static String secretInKeycloak(String admin, String clientId) {
        String id = given().auth().oauth2(admin).queryParam("clientId", clientId).get(keycloak("/clients")).then()
                .statusCode(200).extract().path("[0].id");
        return given().auth().oauth2(admin).get(keycloak("/clients/" + id + "/client-secret")).then().statusCode(200)
                .extract().path("value");
    }

    /**
     * The attack of issue 15: desk1 requested dealer-03 (a dev dealer), desk2 approved, and the 201 carried
     * "dealer-03-secret". Every client the realm has (the dev dealers, the portal, the CLI, Keycloak's own
     * admin-cli and realm-management) is refused at the request: 409 problem, no secret, nothing stored.
     */
    @Test
    void existingClientsAreRefusedAndNoSecretLeaves() {
        for (String existing : java.util.List.of("dealer-03", "dealer-01", "bidder-portal", "platform-cli", "admin-cli",
                "realm-management", "broker", "account")) {
            String body = request(existing).then().statusCode(409).contentType("application/problem+json")
                    .body("status", equalTo(409)).body("$", not(hasKey("clientSecret")))
                    .extract().asString();
            assertThat(body).as(existing).doesNotContain("-secret").doesNotContain("clientSecret");
        }
        given().auth().oauth2(Tokens.user("desk1")).get(dealers("")).then().statusCode(200)
                .body("clientId", not(hasItem("dealer-03"))).body("clientId", not(hasItem("admin-cli")));
        // dealer-03 still works with its own secret: nothing was changed in Keycloak
        token("dealer-03", "dealer-03-secret").then().statusCode(200);
    }

    /** A person who squatted service-account-<id> (as a user name) cannot block, nor take over, the dealer. */
    @Test
    void aSquattedServiceAccountNameIsRefused() {
        String clientId = "dealer-" + UUID.randomUUID().toString().substring(0, 8);
        KeycloakUsers.importBypassingProfile("service-account-" + clientId, "retail-investor");
        request(clientId).then().statusCode(409).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("service-account-" + clientId))
                .body("$", not(hasKey("clientSecret")));
        given().auth().oauth2(KeycloakUsers.adminToken()).queryParam("clientId", clientId).get(keycloak("/clients"))
                .then().statusCode(200).body("size()", equalTo(0));
    }

    /**
     * Between the request and the approval the id is taken in Keycloak (a client, or a squatted
     * service-account user): the approval checks again, answers 409 with no secret, creates nothing, and
     * the dealer stays pending.
     */
    @Test
    void anIdTakenBetweenRequestAndApprovalIsRefusedAtTheApproval() {
        String admin = KeycloakUsers.adminToken();
        String raced = "dealer-" + UUID.randomUUID().toString().substring(0, 8);
        request(raced).then().statusCode(202);
        given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("clientId", raced, "secret", raced + "-theirs", "publicClient", false,
                        "serviceAccountsEnabled", true, "standardFlowEnabled", false))
                .post(keycloak("/clients")).then().statusCode(201);
        given().auth().oauth2(Tokens.user("desk2")).post(dealers("/" + raced + "/approve")).then().statusCode(409)
                .contentType("application/problem+json").body("$", not(hasKey("clientSecret")));
        assertThat(secretInKeycloak(admin, raced)).isEqualTo(raced + "-theirs");
        given().auth().oauth2(Tokens.user("desk1")).get(dealers("")).then().statusCode(200)
                .body("find { it.clientId == '" + raced + "' }.status", equalTo("PENDING_APPROVAL"));

        String squatted = "dealer-" + UUID.randomUUID().toString().substring(0, 8);
        request(squatted).then().statusCode(202);
        KeycloakUsers.importBypassingProfile("service-account-" + squatted, "retail-investor");
        given().auth().oauth2(Tokens.user("desk2")).post(dealers("/" + squatted + "/approve")).then().statusCode(409)
                .contentType("application/problem+json").body("$", not(hasKey("clientSecret")));
        given().auth().oauth2(admin).queryParam("clientId", squatted).get(keycloak("/clients"))
                .then().statusCode(200).body("size()", equalTo(0));
    }

    /** A new secret: requested by one officer, approved by another, shown once; the old one stops working. */
    @Test
    void aNewSecretNeedsFourEyesAndIsShownOnce() {
        String clientId = "dealer-" + UUID.randomUUID().toString().substring(0, 8);
        request(clientId).then().statusCode(202);
        String first = given().auth().oauth2(Tokens.user("desk2")).post(dealers("/" + clientId + "/approve"))
                .then().statusCode(201).extract().path("clientSecret");
        token(clientId, first).then().statusCode(200);

        // nothing pending: no secret for the asking
        given().auth().oauth2(Tokens.user("desk2")).post(dealers("/" + clientId + "/secret/approve")).then()
                .statusCode(409).body("$", not(hasKey("clientSecret")));
        given().auth().oauth2(Tokens.user("desk1")).post(dealers("/" + clientId + "/secret")).then().statusCode(202)
                .body("secretRequestedBy", equalTo("desk1")).body("$", not(hasKey("clientSecret")));
        given().auth().oauth2(Tokens.user("desk1")).post(dealers("/" + clientId + "/secret")).then().statusCode(409);
        given().auth().oauth2(Tokens.user("desk1")).post(dealers("/" + clientId + "/secret/approve")).then()
                .statusCode(403).contentType("application/problem+json").body("$", not(hasKey("clientSecret")));
        token(clientId, first).then().statusCode(200);
        given().auth().oauth2(Tokens.dealer("dealer-01")).post(dealers("/" + clientId + "/secret/approve")).then()
                .statusCode(403);

        String second = given().auth().oauth2(Tokens.user("desk2")).post(dealers("/" + clientId + "/secret/approve"))
                .then().statusCode(201).body("secretRegeneratedBy", equalTo("desk2"))
                .body("$", not(hasKey("secretRequestedBy"))).extract().path("clientSecret");
        assertThat(second).isNotBlank().isNotEqualTo(first);
        token(clientId, second).then().statusCode(200);
        token(clientId, first).then().statusCode(anyOf(equalTo(400), equalTo(401)));
        // shown once
        given().auth().oauth2(Tokens.user("desk2")).post(dealers("/" + clientId + "/secret/approve")).then()
                .statusCode(409).body("$", not(hasKey("clientSecret")));
        given().auth().oauth2(Tokens.user("desk1")).get(dealers("")).then().statusCode(200)
                .body("find { it.clientId == '" + clientId + "' }", not(hasKey("clientSecret")));
        // a disabled dealer gets no new secret
        given().auth().oauth2(Tokens.user("desk1")).post(dealers("/" + clientId + "/disable")).then().statusCode(200);
        given().auth().oauth2(Tokens.user("desk1")).post(dealers("/" + clientId + "/secret")).then().statusCode(409);
    }

    @Test
    void onlyTheDeskOnboardsAndBadIdsAreNamed() {
        given().auth().oauth2(Tokens.dealer("dealer-01")).contentType("application/json")
                .body("{\"clientId\": \"dealer-x1\", \"legalName\": \"X\"}").post(dealers("")).then().statusCode(403);
        given().auth().oauth2(Tokens.user("desk1")).contentType("application/json")
                .body("{\"clientId\": \"Bad Id!\", \"legalName\": \"X\"}").post(dealers("")).then().statusCode(400)
                .body("errors[0].field", equalTo("clientId"));
        given().auth().oauth2(Tokens.user("desk1")).contentType("application/json")
                .body("{\"clientId\": \"platform-cli\", \"legalName\": \"X\"}").post(dealers("")).then().statusCode(409);
        given().auth().oauth2(Tokens.user("desk2")).post(dealers("/no-such-dealer/approve")).then().statusCode(404);
    }
}
