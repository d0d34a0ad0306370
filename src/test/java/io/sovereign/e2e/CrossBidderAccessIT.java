package io.sovereign.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.response.Response;
import io.sovereign.stack.Service;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every way one bidder could reach another's bids, awards, holdings, cash or investor record is
 * answered 403 or 404, and the answer carries none of the other's data (ids, amounts, rates).
 */
@ExtendWith(PlatformStack.class)
class CrossBidderAccessIT {

    private static final String RATE = "3.173";
    private static final long AMOUNT = 1_234_500;
    private static final long SUBSCRIBED = 7_700;

    private static void refusedWithoutData(Response r, String what, String... secrets) {
        assertThat(r.statusCode()).as(what + ": " + r.asString()).isIn(403, 404);
        assertThat(r.contentType()).as(what).startsWith("application/problem+json");
        for (String s : secrets) {
            assertThat(r.asString()).as(what + " leaks " + s).doesNotContain(s);
        }
    }

    @Test
    void bidsAwardsAndHoldingsOfAnotherBidder() {
        LocalDate issue = LocalDate.now(ZoneOffset.UTC).plusDays(3);
        AuctionDriver.Auction a = AuctionDriver.announceNote(issue, issue.plusYears(7), 10_000_000);
        String d1 = Tokens.dealer("dealer-01");
        String d2 = Tokens.dealer("dealer-02");
        String retail1 = Tokens.user("retail1");
        String bid = AuctionCore.placeBid(d1, a.id(), AuctionCore.competitive(RATE, AMOUNT));
        AuctionCore.placeBid(d2, a.id(), AuctionCore.competitive("3.200", 2_000_000));
        String subscription = AuctionCore.subscribe(retail1, a.id(), SUBSCRIBED).then().statusCode(201)
                .extract().path("bidId");
        // what dealer-01's bid holds (its id is what the caller sent, so a 404 may name it)
        String[] secrets = {RATE, Long.toString(AMOUNT), "dealer-01"};

        // another dealer's bid, by id: read, withdraw
        String bidUrl = AuctionCore.url("/auctions/" + a.id() + "/bids/" + bid);
        refusedWithoutData(given().auth().oauth2(d2).get(bidUrl), "dealer-02 GET dealer-01's bid", secrets);
        refusedWithoutData(given().auth().oauth2(d2).delete(bidUrl), "dealer-02 DELETE dealer-01's bid", secrets);
        refusedWithoutData(given().auth().oauth2(retail1).get(bidUrl), "retail1 GET dealer-01's bid", secrets);
        refusedWithoutData(given().auth().oauth2(retail1).delete(bidUrl), "retail1 DELETE dealer-01's bid", secrets);
        // a retail subscription, by id, from another retail investor and from a dealer
        String subUrl = AuctionCore.url("/auctions/" + a.id() + "/bids/" + subscription);
        String[] subSecrets = {Long.toString(SUBSCRIBED), "00000000-0000-4000-8000-000000000006"};
        refusedWithoutData(given().auth().oauth2(Tokens.user("retail2")).get(subUrl), "retail2 GET retail1's subscription", subSecrets);
        refusedWithoutData(given().auth().oauth2(Tokens.user("retail2")).delete(subUrl), "retail2 DELETE retail1's subscription", subSecrets);
        refusedWithoutData(given().auth().oauth2(d2).delete(subUrl), "dealer-02 DELETE retail1's subscription", subSecrets);
        // the lists are the caller's own
        assertThat(AuctionCore.ownBids(d2, a.id())).extracting(b -> b.get("bidId")).doesNotContain(bid, subscription);
        given().auth().oauth2(Tokens.user("retail2")).get(AuctionCore.url("/subscriptions")).then().statusCode(200)
                .extract().jsonPath().getList("bidId").forEach(id -> assertThat(id).isNotEqualTo(subscription));
        // nothing was withdrawn by the attempts
        assertThat(AuctionCore.ownBids(d1, a.id())).filteredOn(b -> bid.equals(b.get("bidId")))
                .singleElement().satisfies(b -> assertThat(b.get("withdrawn")).isNotEqualTo(true));
        assertThat(AuctionCore.ownBids(retail1, a.id())).filteredOn(b -> subscription.equals(b.get("bidId")))
                .singleElement().satisfies(b -> assertThat(b.get("withdrawn")).isNotEqualTo(true));
        // the book and results before publication: desk only
        refusedWithoutData(given().auth().oauth2(d2).get(AuctionCore.url("/auctions/" + a.id() + "/book")),
                "dealer-02 GET the book", secrets);

        AuctionDriver.close(a);
        refusedWithoutData(given().auth().oauth2(d2).get(AuctionCore.url("/auctions/" + a.id() + "/results")),
                "dealer-02 GET the results before publication", secrets);
        List<AuctionDriver.Award> awards = AuctionDriver.publish(a);
        assertThat(awards).extracting(AuctionDriver.Award::bidderId).contains("dealer-01", "dealer-02");

        // awards: each dealer sees its own only; the published results carry no allocations for dealers
        List<Map<String, Object>> mine = given().auth().oauth2(d2).get(AuctionCore.url("/auctions/" + a.id() + "/allocations/me"))
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(mine).isNotEmpty().allSatisfy(m -> assertThat(m.toString()).doesNotContain(bid).doesNotContain("dealer-01"));
        String results = given().auth().oauth2(d2).get(AuctionCore.url("/auctions/" + a.id() + "/results")).then()
                .statusCode(200).extract().asString();
        assertThat(results).doesNotContain(bid).doesNotContain("dealer-01").doesNotContain(subscription);

        // holdings: once dealer-01's bond is minted, dealer-02's holdings/me still show only its own wallet
        String holdings = PlatformStack.url(Service.SETTLEMENT) + "/api/v1/holdings/me";
        String wallet1 = given().auth().oauth2(d1).get(PlatformStack.url(Service.IDENTITY) + "/api/v1/investors/me")
                .then().statusCode(200).extract().path("walletAddress");
        String wallet2 = given().auth().oauth2(d2).get(PlatformStack.url(Service.IDENTITY) + "/api/v1/investors/me")
                .then().statusCode(200).extract().path("walletAddress");
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2)).until(() ->
                given().auth().oauth2(Tokens.dealer("dealer-01")).get(holdings).then().statusCode(200).extract()
                        .jsonPath().getList("isin").contains(a.isin()));
        List<Map<String, Object>> positions2 = given().auth().oauth2(Tokens.dealer("dealer-02")).get(holdings).then()
                .statusCode(200).extract().jsonPath().getList("$");
        assertThat(positions2).allSatisfy(p -> assertThat(p.get("walletAddress")).isEqualTo(wallet2));
        assertThat(given().auth().oauth2(Tokens.dealer("dealer-02")).get(holdings).asString()).doesNotContain(wallet1);
    }

    @Test
    void cashAccountsAndInvestorRecordsOfAnother() {
        String d2 = Tokens.dealer("dealer-02");
        String retail2 = Tokens.user("retail2");
        String settlement = PlatformStack.url(Service.SETTLEMENT) + "/api/v1";
        String identity = PlatformStack.url(Service.IDENTITY) + "/api/v1";
        String retail1Id = "00000000-0000-4000-8000-000000000006";
        // cash: the investor itself, operators and auditors only
        given().auth().oauth2(Tokens.dealer("dealer-01")).get(settlement + "/cash-accounts/dealer-01").then().statusCode(200);
        refusedWithoutData(given().auth().oauth2(d2).get(settlement + "/cash-accounts/dealer-01"),
                "dealer-02 GET dealer-01's cash account", "balance", "movements");
        refusedWithoutData(given().auth().oauth2(retail2).get(settlement + "/cash-accounts/" + retail1Id),
                "retail2 GET retail1's cash account", "balance", "movements");
        refusedWithoutData(given().auth().oauth2(Tokens.user("desk1")).get(settlement + "/cash-accounts/dealer-01"),
                "desk1 GET a dealer's cash account", "balance", "movements");
        // deposits to another's account
        refusedWithoutData(given().auth().oauth2(d2).contentType("application/json").header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                .body("{\"amount\": \"1000000.00\"}").post(settlement + "/cash-accounts/dealer-02/deposits"),
                "dealer-02 deposits to itself");
        // investor records: only /me; the register and KYC history are compliance's (and the auditor's)
        for (String token : List.of(d2, retail2, Tokens.user("trader1"))) {
            refusedWithoutData(given().auth().oauth2(token).get(identity + "/investors"),
                    "a bidder lists the investor register", retail1Id, "dealer-01", "walletAddress");
            refusedWithoutData(given().auth().oauth2(token).get(identity + "/investors/" + retail1Id + "/kyc"),
                    "a bidder reads retail1's KYC history", retail1Id, "decidedBy");
            refusedWithoutData(given().auth().oauth2(token).get(identity + "/investors/dealer-01/kyc"),
                    "a bidder reads dealer-01's KYC history", "decidedBy");
        }
        // no GET /investors/{id} exists: it is not a way in either
        Response byId = given().auth().oauth2(d2).get(identity + "/investors/dealer-01");
        assertThat(byId.statusCode()).isIn(403, 404, 405);
        assertThat(byId.asString()).doesNotContain("walletAddress").doesNotContain("0x70997970");
        // /me is the caller's own record, whatever else is sent
        assertThat((String) given().auth().oauth2(d2).queryParam("investorId", "dealer-01").get(identity + "/investors/me")
                .then().statusCode(200).extract().path("investorId")).isEqualTo("dealer-02");
    }
}
