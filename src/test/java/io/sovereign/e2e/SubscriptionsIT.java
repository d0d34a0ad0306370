package io.sovereign.e2e;

import static io.sovereign.e2e.AuctionCore.as;
import static io.sovereign.e2e.AuctionCore.subscribe;
import static io.sovereign.e2e.AuctionCore.url;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import io.sovereign.e2e.AuctionCore.Auction;
import io.sovereign.stack.Service;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Retail investors subscribe non-competitively; auction-core follows identity's KYC decisions through events. */
@ExtendWith(PlatformStack.class)
class SubscriptionsIT {

    private static Auction openForAnHour() {
        return AuctionCore.open("desk1", Duration.ofMinutes(50), Duration.ofHours(1));
    }

    @Test
    void anApprovedInvestorSubscribesAndFindsTheSubscriptionListed() {
        Auction a = openForAnHour();
        String retail1 = Tokens.user("retail1");
        String bidId = as(retail1).header("Idempotency-Key", "sub-" + a.id()).contentType("application/json")
                .body("{\"amount\": 5000}").post(url("/auctions/" + a.id() + "/subscriptions"))
                .then().statusCode(201)
                .body("auctionId", equalTo(a.id()))
                .body("receipt", matchesPattern("[0-9a-f]{64}"))
                .extract().path("bidId");

        String listed = "find { it.bidId == '" + bidId + "' }.";
        as(retail1).get(url("/subscriptions")).then().statusCode(200)
                .body(listed + "auctionId", equalTo(a.id()))
                .body(listed + "isin", equalTo(a.isin()))
                .body(listed + "amount", equalTo(5_000))
                .body(listed + "withdrawn", equalTo(false))
                .body(listed + "auctionStatus", equalTo("OPEN"))
                .body(listed + "accepted", nullValue())
                .body(listed + "price", nullValue())
                .body(listed + "settlementAmount", nullValue());
        List<Map<String, Object>> bids = AuctionCore.ownBids(retail1, a.id());
        assertThat(bids).extracting(b -> b.get("bidId")).containsExactly(bidId);
        assertThat(bids.get(0)).containsEntry("kind", "NONCOMPETITIVE").containsEntry("amount", 5_000);

        // no investor record, not a retail investor, no token
        subscribe(Tokens.user("retail2"), a.id(), 5_000).then().statusCode(403).contentType("application/problem+json");
        subscribe(Tokens.dealer("dealer-01"), a.id(), 5_000).then().statusCode(403);
        subscribe(null, a.id(), 5_000).then().statusCode(401);
        assertThat(AuctionCore.ownBids(Tokens.user("retail2"), a.id())).isEmpty();
    }

    @Test
    void onlyWhileTheInvestorIsApprovedInIdentity() {
        Auction a = openForAnHour();
        String investorId = KeycloakUsers.create("subscriber", "retail-investor");
        // a wallet of its own (wallets are unique in the register; other tests use Hardhat's accounts)
        String wallet = FreshInvestors.freshWallet();
        String saver = Tokens.user(KeycloakUsers.username(investorId));
        as(saver).contentType("application/json")
                .body("{\"legalName\": \"Sam Subscriber\", \"country\": \"NL\", \"walletAddress\": \"" + wallet + "\"}")
                .put(PlatformStack.url(Service.IDENTITY) + "/api/v1/investors/me")
                .then().statusCode(200).body("kycStatus", equalTo("PENDING"));
        subscribe(saver, a.id(), 5_000).then().statusCode(403).contentType("application/problem+json");

        kyc(investorId, "APPROVED");
        await().atMost(Duration.ofSeconds(30)).until(() -> subscribe(saver, a.id(), 5_000).statusCode() == 201);
        as(saver).get(url("/subscriptions")).then().statusCode(200)
                .body("findAll { it.auctionId == '" + a.id() + "' }.amount", equalTo(List.of(5_000)));

        kyc(investorId, "SUSPENDED");
        // until auction-core has the suspension, a subscription may still go through; then none does
        await().atMost(Duration.ofSeconds(30)).until(() -> subscribe(saver, a.id(), 5_000).statusCode() == 403);
        subscribe(saver, a.id(), 5_000).then().statusCode(403);
    }

    @Test
    void notAfterARejectionOnReviewNorAfterTheRecordChanged() {
        Auction a = openForAnHour();
        FreshInvestors.Investor rejected = FreshInvestors.approved("rejected", FreshInvestors.freshWallet());
        await().atMost(Duration.ofSeconds(30)).until(() -> subscribe(rejected.token(), a.id(), 5_000).statusCode() == 201);
        kyc(rejected.investorId(), "REJECTED");
        // identity announces that the investor is no longer approved; auction-core then refuses
        await().atMost(Duration.ofSeconds(30)).until(() -> subscribe(rejected.token(), a.id(), 5_000).statusCode() == 403);
        subscribe(rejected.token(), a.id(), 5_000).then().statusCode(403).contentType("application/problem+json");

        String wallet = FreshInvestors.freshWallet();
        FreshInvestors.Investor moved = FreshInvestors.approved("moved", wallet);
        await().atMost(Duration.ofSeconds(30)).until(() -> subscribe(moved.token(), a.id(), 5_000).statusCode() == 201);
        // same wallet, another country: back to PENDING in identity (re-KYC), so no subscription either
        as(moved.token()).contentType("application/json")
                .body("{\"legalName\": \"moved Saver\", \"country\": \"BE\", \"walletAddress\": \"" + wallet + "\"}")
                .put(PlatformStack.url(Service.IDENTITY) + "/api/v1/investors/me")
                .then().statusCode(200).body("kycStatus", equalTo("PENDING"));
        await().atMost(Duration.ofSeconds(30)).until(() -> subscribe(moved.token(), a.id(), 5_000).statusCode() == 403);
        subscribe(moved.token(), a.id(), 5_000).then().statusCode(403).contentType("application/problem+json");
        as(rejected.token()).get(PlatformStack.url(Service.IDENTITY) + "/api/v1/investors/me")
                .then().statusCode(200).body("kycStatus", equalTo("REJECTED"));
    }

    private static void kyc(String investorId, String decision) {
        as(Tokens.user("compliance1")).contentType("application/json")
                .body("{\"decision\": \"" + decision + "\", \"reason\": \"SubscriptionsIT\"}")
                .post(PlatformStack.url(Service.IDENTITY) + "/api/v1/investors/" + investorId + "/kyc")
                .then().statusCode(200).body("outcome", equalTo(decision));
    }
}
