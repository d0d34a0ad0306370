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
