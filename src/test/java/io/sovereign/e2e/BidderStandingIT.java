package io.sovereign.e2e;

import static io.restassured.RestAssured.given;
import static io.sovereign.e2e.AuctionCore.as;
import static io.sovereign.e2e.AuctionCore.bid;
import static io.sovereign.e2e.AuctionCore.competitive;
import static io.sovereign.e2e.AuctionCore.nonCompetitive;
import static io.sovereign.e2e.AuctionCore.ownBids;
import static io.sovereign.e2e.AuctionCore.placeBid;
import static io.sovereign.e2e.AuctionCore.url;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.response.Response;
import io.sovereign.e2e.AuctionCore.Auction;
import io.sovereign.stack.Service;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Who may bid (docs/api.md "Who may bid"): a dealer freshly onboarded through identity has no
 * investor record, so its bids are refused 403 investor-not-approved and nothing is stored; once
 * compliance approves its record it bids; the desk disables it while the auction is open: its
 * bids are withdrawn at once by the system (with the reason, in the audit log) and the clearing
 * allocates them nothing.
 */
@ExtendWith(PlatformStack.class)
class BidderStandingIT {

    private static String identity(String path) {
        return PlatformStack.url(Service.IDENTITY) + "/api/v1" + path;
    }

    @Test
    void anUnapprovedDealerIsRefusedAndADisabledDealersOpenBidsAreWithdrawnAndNotAllocated() throws Exception {
        List.of("desk1", "desk2", "compliance1", "auditor1").forEach(Tokens::user);
        String dealer = "dealer-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(Tokens.user("desk1")).contentType("application/json")
                .body("{\"clientId\": \"" + dealer + "\", \"legalName\": \"Soon Disabled Securities\"}")
                .post(identity("/dealers")).then().statusCode(202);
        String secret = given().auth().oauth2(Tokens.user("desk2")).post(identity("/dealers/" + dealer + "/approve"))
                .then().statusCode(201).extract().path("clientSecret");
        String token = given().formParams(Map.of("grant_type", "client_credentials", "client_id", dealer,
                "client_secret", secret)).post(PlatformStack.config().issuer() + "/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");

        Auction a = AuctionCore.open("desk1", Duration.ofMinutes(9), Duration.ofMinutes(10));

        // no investor record: every kind of bid is 403 investor-not-approved, nothing stored
        for (String body : List.of(competitive("4.100", 1_000_000), nonCompetitive(5_000))) {
            bid(token, a.id(), body).then().statusCode(403).contentType("application/problem+json")
                    .body("type", endsWith("/investor-not-approved")).body("investorStatus", equalTo("NONE"));
        }
        assertThat(ownBids(token, a.id())).isEmpty();

        // registered, still PENDING: refused alike
        String wallet = FreshInvestors.freshWallet();
        given().auth().oauth2(token).contentType("application/json")
                .body("{\"legalName\": \"Soon Disabled Securities\", \"country\": \"GB\", \"walletAddress\": \"%s\"}"
                        .formatted(wallet)).put(identity("/investors/me")).then().statusCode(200);
        bid(token, a.id(), competitive("4.100", 1_000_000)).then().statusCode(403)
                .body("type", endsWith("/investor-not-approved"));
        FreshInvestors.decide(new FreshInvestors.Investor(dealer, null, wallet), "APPROVED", "primary dealer agreement signed");
        // approved: accepted as soon as auction-core has the approval (the same key: a retry stores nothing twice)
        String key = UUID.randomUUID().toString();
        await().atMost(Duration.ofSeconds(30)).until(() -> as(token).header("Idempotency-Key", key)
                .contentType("application/json").body(competitive("4.100", 100_000_000))
                .post(url("/auctions/" + a.id() + "/bids")).statusCode() == 201);
        placeBid(token, a.id(), competitive("4.050", 50_000_000));
        String kept = placeBid(Tokens.dealer("dealer-01"), a.id(), competitive("4.200", 200_000_000));
        List<Map<String, Object>> before = ownBids(token, a.id());
        assertThat(before).hasSize(2).allSatisfy(b -> assertThat(b.get("withdrawn")).isEqualTo(false));
        assertThat(levels(a)).contains("4.050", "4.100", "4.200");

        // the desk disables the dealer while the auction is open
        Instant disabledAt = Instant.now();
        given().auth().oauth2(Tokens.user("desk1")).post(identity("/dealers/" + dealer + "/disable")).then().statusCode(200);
        // its bids are withdrawn by the system at once: gone from the live book, recorded with the reason
        await().atMost(Duration.ofSeconds(30)).until(() -> levels(a).equals(List.of("4.200")));
        List<Map<String, Object>> withdrawals = withdrawals(a.id(), dealer);
        assertThat(withdrawals).hasSize(2).allSatisfy(w -> {
            assertThat(w.get("withdrawn_by")).isEqualTo("system");
            assertThat((String) w.get("reason")).isEqualTo("dealer " + dealer + " disabled by desk1");
            assertThat((Instant) w.get("withdrawn_at")).isAfter(disabledAt);
        });
        List<Map<String, Object>> audit = as(Tokens.user("auditor1")).get(url("/auctions/" + a.id() + "/audit"))
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(audit).filteredOn(e -> "BID_WITHDRAWN".equals(e.get("action")))
                .hasSize(2).allSatisfy(e -> {
                    assertThat(e.get("actor")).isEqualTo("system");
                    assertThat((String) e.get("detail")).contains(dealer + " withdrawn: dealer " + dealer + " disabled by desk1");
                });
        // its token is refused from now on; a bid sent with it stores nothing
        await().atMost(Duration.ofSeconds(30)).until(() -> bid(token, a.id(), competitive("4.000", 1_000_000)).statusCode() == 401);
        assertThat(withdrawals(a.id(), dealer)).hasSize(2);
        assertThat(bidCount(a.id(), dealer)).isEqualTo(2);

        // closed and cleared: the disabled dealer is allocated nothing, dealer-01 gets its bid
        as(Tokens.user("desk1")).post(url("/auctions/" + a.id() + "/close")).then().statusCode(200);
        AuctionCore.awaitStatus(a.id(), "ALLOCATED", Duration.ofSeconds(30));
        Response results = as(Tokens.user("desk2")).get(url("/auctions/" + a.id() + "/results"));
        results.then().statusCode(200);
        assertThat(results.jsonPath().getList("allocations.bidderId", String.class)).doesNotContain(dealer)
                .contains("dealer-01");
        assertThat(results.jsonPath().getList("allocations.bidId", String.class)).containsExactly(kept);
    }

    /** The competitive levels of the desk's live book. */
    private static List<String> levels(Auction a) {
        return as(Tokens.user("desk1")).get(url("/auctions/" + a.id() + "/book")).then().statusCode(200)
                .extract().jsonPath().getList("levels.rate", String.class);
    }

    /** The stored withdrawals of the bidder's bids in the auction. */
    private static List<Map<String, Object>> withdrawals(String auctionId, String bidderId) throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Connection c = PlatformStack.database(Service.AUCTION_CORE); PreparedStatement ps = c.prepareStatement(
                "select w.withdrawn_by, w.reason, w.withdrawn_at from bid_withdrawal w join bid b on b.bid_id = w.bid_id "
                        + "where b.auction_id = ? and b.bidder_id = ?")) {
            ps.setString(1, auctionId);
            ps.setString(2, bidderId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(Map.of("withdrawn_by", rs.getString(1), "reason", rs.getString(2),
                            "withdrawn_at", rs.getTimestamp(3).toInstant()));
                }
            }
        }
        return rows;
    }

    private static int bidCount(String auctionId, String bidderId) throws Exception {
        try (Connection c = PlatformStack.database(Service.AUCTION_CORE);
                PreparedStatement ps = c.prepareStatement("select count(*) from bid where auction_id = ? and bidder_id = ?")) {
            ps.setString(1, auctionId);
            ps.setString(2, bidderId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
