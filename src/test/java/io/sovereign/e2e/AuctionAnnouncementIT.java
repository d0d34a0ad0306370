package io.sovereign.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

import io.sovereign.stack.Service;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The desk announces an auction; bad terms get RFC 9457 problems naming each field. */
@ExtendWith(PlatformStack.class)
class AuctionAnnouncementIT {

    private static String auctions() {
        return PlatformStack.url(Service.AUCTION_CORE) + "/api/v1/auctions";
    }

    @Test
    void theDeskAnnouncesAndEveryRoleSeesTheTerms() {
        String id = given().auth().oauth2(Tokens.user("desk1")).contentType("application/json")
                .body(Announcements.note()).post(auctions())
                .then().statusCode(201)
                .header("Location", startsWith(auctions() + "/"))
                .body("status", equalTo("ANNOUNCED"))
                .body("createdBy", equalTo("desk1"))
                .body("security.isin", matchesPattern("XS[0-9]{10}"))
                .body("maxAwardRatio", equalTo("0.35"))
                .body("rateIncrement", equalTo("0.001"))
                .body("minimumBid", equalTo(100))
                .extract().path("auctionId");

        given().auth().oauth2(Tokens.dealer("dealer-02")).get(auctions() + "/" + id)
                .then().statusCode(200).body("auctionId", equalTo(id)).body("offeringAmount", equalTo(42000000000L));
        given().auth().oauth2(Tokens.user("retail1")).get(auctions() + "?status=ANNOUNCED")
                .then().statusCode(200).body("auctionId", hasItem(id));
    }

    @Test
    void badTermsAreRefusedWithEveryFieldNamed() {
        String body = """
                {"format": "SINGLE_PRICE", "bidBasis": "YIELD",
                 "security": {"securityType": "BILL", "issueDate": "2030-01-10", "maturityDate": "2030-01-01"},
                 "offeringAmount": 1000050,
                 "biddingOpensAt": "2030-01-01T10:00:00Z", "nonCompetitiveClosesAt": "2030-01-01T12:00:00Z",
                 "competitiveClosesAt": "2030-01-01T11:30:00Z"}""";
        given().auth().oauth2(Tokens.user("desk1")).contentType("application/json").body(body).post(auctions())
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItems("bidBasis", "security.maturityDate", "offeringAmount",
                        "nonCompetitiveClosesAt"));
    }

    @Test
    void unknownFieldsMissingFieldsAndBrokenJsonAreBadRequests() {
        given().auth().oauth2(Tokens.user("desk1")).contentType("application/json")
                .body(Announcements.note().replace("\"format\"", "\"colour\": \"red\", \"format\""))
                .post(auctions()).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("colour"));
        given().auth().oauth2(Tokens.user("desk1")).contentType("application/json")
                .body(Announcements.note().replace("\"offeringAmount\": 42000000000,", ""))
                .post(auctions()).then().statusCode(400).body("errors.field", hasItem("offeringAmount"));
        given().auth().oauth2(Tokens.user("desk1")).contentType("application/json")
                .body(Announcements.note().replace("SINGLE_PRICE", "UNIFORM"))
                .post(auctions()).then().statusCode(400).body("errors[0].field", equalTo("format"))
                .body("errors[0].message", equalTo("must be one of [SINGLE_PRICE, MULTI_PRICE]"));
        given().auth().oauth2(Tokens.user("desk1")).contentType("application/json").body("{\"format\": ")
                .post(auctions()).then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void anUnknownAuctionIsNotFound() {
        given().auth().oauth2(Tokens.user("desk1")).get(auctions() + "/no-such-auction")
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("No auction no-such-auction"));
    }
}
