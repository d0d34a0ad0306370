package io.sovereign.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.restassured.specification.RequestSpecification;
import io.sovereign.stack.Service;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Real tokens against all four services: 200 with a right role, 403 with a wrong one, 401 without
 * a token or with a tampered one.
 */
@ExtendWith(PlatformStack.class)
class AccessMatrixIT {

    private static final String DESK = "desk1";
    private static final String DEALER = "dealer-01";

    private static RequestSpecification as(String token) {
        RequestSpecification spec = given().redirects().follow(false);
        return token == null ? spec : spec.auth().oauth2(token);
    }

    private static String url(Service s, String path) {
        return PlatformStack.url(s) + path;
    }

    @Test
    void tokensCarryRealmRolesAndTheApiAudience() {
        String desk = Tokens.user(DESK);
        assertThat(Tokens.payload(desk)).contains("\"realm_access\":{\"roles\":[\"auction-desk\"]}")
                .contains("\"aud\":\"sovereign-api\"").contains("\"sub\":\"00000000-0000-4000-8000-000000000001\"");
        assertThat(Tokens.payload(Tokens.dealer(DEALER))).contains("\"primary-dealer\"")
                .contains("\"azp\":\"dealer-01\"");
    }

    @Test
    void auctionCore() {
        String auctions = url(Service.AUCTION_CORE, "/api/v1/auctions");
        as(Tokens.user(DESK)).get(auctions).then().statusCode(200).contentType("application/json");
        as(Tokens.dealer(DEALER)).get(auctions).then().statusCode(200);
        as(null).get(auctions).then().statusCode(401);
        as(Tokens.tampered(Tokens.user(DESK))).get(auctions).then().statusCode(401);
        // announcing is for the desk only
        as(Tokens.dealer(DEALER)).contentType("application/json").body("{}").post(auctions).then().statusCode(403)
                .contentType("application/problem+json").body("status", equalTo(403));
    }

    @Test
    void settlement() {
        String securities = url(Service.SETTLEMENT, "/api/v1/securities");
        as(Tokens.user(DESK)).get(securities).then().statusCode(200);
        as(Tokens.dealer(DEALER)).get(securities).then().statusCode(200);
        as(null).get(securities).then().statusCode(401);
        as(Tokens.tampered(Tokens.dealer(DEALER))).get(securities).then().statusCode(401);
        // holders of record: desk, operator and auditor only
        String holders = url(Service.SETTLEMENT, "/api/v1/securities/XS0000000009/holders");
        as(Tokens.dealer(DEALER)).get(holders).then().statusCode(403);
        as(Tokens.user(DESK)).get(holders).then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("No security XS0000000009"));
    }

    @Test
    void identity() {
        String me = url(Service.IDENTITY, "/api/v1/investors/me");
        as(Tokens.dealer(DEALER)).get(me).then().statusCode(200)
                .body("investorId", equalTo("dealer-01"))
                .body("investorType", equalTo("PRIMARY_DEALER"))
                .body("kycStatus", equalTo("APPROVED"))
                .body("walletAddress", equalTo("0x70997970C51812dc3A010C7d01b50e0d17dc79C8"));
        as(Tokens.user("retail1")).get(me).then().statusCode(200)
                .body("investorId", equalTo("00000000-0000-4000-8000-000000000006"))
                .body("walletAddress", equalTo("0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65"));
        as(Tokens.user("retail2")).get(me).then().statusCode(404).contentType("application/problem+json");
        as(Tokens.user(DESK)).get(me).then().statusCode(403);
        as(null).get(me).then().statusCode(401);
        as(Tokens.tampered(Tokens.dealer(DEALER))).get(me).then().statusCode(401);

        String queue = url(Service.IDENTITY, "/api/v1/investors?kycStatus=APPROVED");
        as(Tokens.user("compliance1")).get(queue).then().statusCode(200).body("investorId", hasItem("dealer-03"));
        as(Tokens.user(DESK)).get(queue).then().statusCode(403);
        as(Tokens.user("compliance1")).get(url(Service.IDENTITY, "/api/v1/investors?kycStatus=MAYBE")).then()
                .statusCode(400).body("errors[0].field", equalTo("kycStatus"));
    }

    @Test
    void portal() {
        String desk = url(Service.BIDDER_PORTAL, "/desk");
        as(Tokens.user(DESK)).accept("text/html").get(desk).then().statusCode(200)
                .body(containsString("Auction desk"));
        as(Tokens.dealer(DEALER)).accept("text/html").get(desk).then().statusCode(403)
                .body(containsString("This page belongs to another role"));
        as(Tokens.tampered(Tokens.user(DESK))).accept("text/html").get(desk).then().statusCode(401);
        // a browser without a session is sent to the Keycloak login
        String location = as(null).accept("text/html").get(url(Service.BIDDER_PORTAL, "/")).then().statusCode(302)
                .extract().header("Location");
        assertThat(location).startsWith(PlatformStack.config().issuer() + "/protocol/openid-connect/auth")
                .contains("client_id=bidder-portal");
    }
}
