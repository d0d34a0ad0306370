package io.sovereign.e2e;

import static io.sovereign.e2e.AuctionCore.as;
import static io.sovereign.e2e.AuctionCore.bid;
import static io.sovereign.e2e.AuctionCore.competitive;
import static io.sovereign.e2e.AuctionCore.nonCompetitive;
import static io.sovereign.e2e.AuctionCore.ownBids;
import static io.sovereign.e2e.AuctionCore.placeBid;
import static io.sovereign.e2e.AuctionCore.url;
import static io.sovereign.e2e.AuctionCore.withdraw;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.sovereign.e2e.AuctionCore.Auction;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Dealers bid on a live auction: acknowledgement and receipt, validation, idempotency, privacy, withdrawal. */
@ExtendWith(PlatformStack.class)
class BidsIT {

    private static final String D1 = "dealer-01";
    private static final String D2 = "dealer-02";
    private static final String D3 = "dealer-03";
    /** ISO-8601 UTC with microseconds, as API.md writes instants. */
    private static final String MICROS = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z";
    private static final String SHA256_HEX = "[0-9a-f]{64}";

    /** An auction that stays open for the whole test. */
    private static Auction openForAnHour() {
        return AuctionCore.open("desk1", Duration.ofMinutes(50), Duration.ofHours(1));
    }

    private static String bidUrl(String auctionId, String bidId) {
        return url("/auctions/" + auctionId + "/bids/" + bidId);
    }

    @Test
    void aBidIsAcknowledgedWithAReceiptAndOnlyItsBidderSeesIt() {
        Auction a = openForAnHour();
        Response ack = bid(Tokens.dealer(D1), a.id(), competitive("3.202", 1_000_000));
        ack.then().statusCode(201)
                .body("auctionId", equalTo(a.id()))
                .body("receivedAt", matchesPattern(MICROS))
                .body("receipt", matchesPattern(SHA256_HEX));
        String bidId = ack.path("bidId");
        assertThat(ack.header("Location")).endsWith("/api/v1/auctions/" + a.id() + "/bids/" + bidId);
        String other = placeBid(Tokens.dealer(D2), a.id(), nonCompetitive(5_000));

        as(Tokens.dealer(D1)).get(bidUrl(a.id(), bidId)).then().statusCode(200)
                .body("bidId", equalTo(bidId))
                .body("auctionId", equalTo(a.id()))
                .body("bidderId", equalTo(D1))
                .body("kind", equalTo("COMPETITIVE"))
                .body("rate", equalTo("3.202"))
                .body("amount", equalTo(1_000_000))
                .body("netLongPosition", equalTo(0))
                .body("receivedAt", equalTo(ack.path("receivedAt")))
                .body("receipt", equalTo(ack.path("receipt")))
                .body("withdrawn", equalTo(false));
        assertThat(ownBids(Tokens.dealer(D1), a.id())).extracting(b -> b.get("bidId")).containsExactly(bidId);
        assertThat(ownBids(Tokens.dealer(D2), a.id())).extracting(b -> b.get("bidId")).containsExactly(other);
        assertThat(ownBids(Tokens.dealer(D3), a.id())).isEmpty();

        // another dealer can neither read nor withdraw it
        as(Tokens.dealer(D2)).get(bidUrl(a.id(), bidId)).then().statusCode(404)
                .contentType("application/problem+json");
        withdraw(Tokens.dealer(D2), a.id(), bidId).then().statusCode(404);
        as(Tokens.dealer(D1)).get(bidUrl(a.id(), bidId)).then().body("withdrawn", equalTo(false));
        as(Tokens.dealer(D1)).get(bidUrl(a.id(), "no-such-bid")).then().statusCode(404);
    }

    @Test
    void eachBadFieldIsRefusedByName() {
        Auction a = openForAnHour();
        String d1 = Tokens.dealer(D1);
        // a multiple of 100 below the minimum of 1,000; above it but not a multiple; a rate off the 0.001 grid
        refused(d1, a, competitive("3.200", 500), "amount");
        refused(d1, a, competitive("3.200", 1_050), "amount");
        refused(d1, a, competitive("3.2005", 1_000_000), "rate");
        refused(d1, a, "{\"kind\": \"COMPETITIVE\", \"amount\": 1000000}", "rate");
        refused(d1, a, "{\"kind\": \"AT_BEST\", \"amount\": 1000000}", "kind");

        // the non-competitive limit of 10,000,000 counts every live bid of the bidder
        String d2 = Tokens.dealer(D2);
        placeBid(d2, a.id(), nonCompetitive(6_000_000));
        refused(d2, a, nonCompetitive(5_000_000), "amount");
        placeBid(d2, a.id(), nonCompetitive(4_000_000));
        refused(d2, a, nonCompetitive(Announcements.MINIMUM_BID), "amount");

        // one bidder, one kind
        placeBid(d1, a.id(), competitive("3.200", 1_000_000));
        refused(d1, a, nonCompetitive(5_000), "kind");
        refused(d2, a, competitive("3.200", 1_000_000), "kind");

        // nothing refused was kept
        assertThat(ownBids(d1, a.id())).extracting(b -> b.get("amount")).containsExactly(1_000_000);
        assertThat(ownBids(d2, a.id())).extracting(b -> b.get("amount")).containsExactlyInAnyOrder(6_000_000, 4_000_000);
    }

    private static void refused(String token, Auction a, String body, String field) {
        bid(token, a.id(), body).then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItem(field));
    }

    @Test
    void theWrongCallerTheWrongAuctionAndTheWrongTimeAreRefused() {
        Auction a = openForAnHour();
        String body = competitive("3.100", 1_000_000);
        bid(null, a.id(), body).then().statusCode(401);
        bid(Tokens.user("desk1"), a.id(), body).then().statusCode(403).contentType("application/problem+json");
        bid(Tokens.user("retail1"), a.id(), body).then().statusCode(403);
        bid(Tokens.dealer(D1), "no-such-auction", body).then().statusCode(404).contentType("application/problem+json");

        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Auction later = AuctionCore.announce("desk1", now.plusSeconds(3600), now.plusSeconds(7000),
                now.plusSeconds(7200));
        bid(Tokens.dealer(D1), later.id(), body).then().statusCode(409).contentType("application/problem+json");
        assertThat(ownBids(Tokens.dealer(D1), later.id())).isEmpty();
    }

    @Test
    void aRetryWithTheSameKeyGetsTheOriginalBidAndAnotherBodyUnderItIs422() {
        Auction a = openForAnHour();
        String key = UUID.randomUUID().toString();
        String body = competitive("3.150", 2_000_000);
        JsonPath first = keyed(key, a, body).then().statusCode(201).extract().jsonPath();
        JsonPath again = keyed(key, a, body).then().statusCode(201).extract().jsonPath();
        assertThat(again.getString("bidId")).isEqualTo(first.getString("bidId"));
        assertThat(again.getString("receipt")).isEqualTo(first.getString("receipt"));
        assertThat(again.getString("receivedAt")).isEqualTo(first.getString("receivedAt"));

        keyed(key, a, competitive("3.150", 3_000_000)).then().statusCode(422).contentType("application/problem+json");
        assertThat(ownBids(Tokens.dealer(D1), a.id())).extracting(b -> b.get("bidId"))
                .containsExactly(first.getString("bidId"));
    }

    private static Response keyed(String key, Auction a, String body) {
        return as(Tokens.dealer(D1)).header("Idempotency-Key", key).contentType("application/json").body(body)
                .post(url("/auctions/" + a.id() + "/bids"));
    }

    @Test
    void aWithdrawnBidStaysListedAsWithdrawnAndTheReceiptChainVerifies() {
        Auction a = openForAnHour();
        placeBid(Tokens.dealer(D1), a.id(), competitive("3.100", 1_000_000));
        String withdrawn = placeBid(Tokens.dealer(D2), a.id(), competitive("3.110", 2_000_000));
        placeBid(Tokens.dealer(D3), a.id(), nonCompetitive(100_000));
        placeBid(Tokens.dealer(D1), a.id(), competitive("3.120", 3_000_000));

        withdraw(Tokens.dealer(D2), a.id(), withdrawn).then().statusCode(200)
                .body("bidId", equalTo(withdrawn)).body("withdrawn", equalTo(true));
        withdraw(Tokens.dealer(D2), a.id(), withdrawn).then().statusCode(200).body("withdrawn", equalTo(true));
        placeBid(Tokens.dealer(D2), a.id(), competitive("3.130", 4_000_000));
        assertThat(ownBids(Tokens.dealer(D2), a.id()))
                .filteredOn(b -> withdrawn.equals(b.get("bidId"))).extracting(b -> b.get("withdrawn"))
                .containsExactly(true);

        List<Map<String, Object>> all = AuctionCore.dealersBids(a.id());
        assertThat(all).hasSize(5);
        assertThat(all).extracting(b -> (String) b.get("receivedAt")).allMatch(t -> t.matches(MICROS));
        // one chain per bidder; the withdrawn bid stays a link of D2's chain (a withdrawal adds none)
        Map<String, BidReceipts.Head> heads = BidReceipts.assertChain(all);
        assertThat(heads).containsOnlyKeys(D1, D2, D3);
        assertThat(heads.get(D1).bids()).isEqualTo(2);
        assertThat(heads.get(D2).bids()).isEqualTo(2);
        assertThat(heads.get(D3).bids()).isEqualTo(1);
    }

    @Test
    void anotherBiddersBidsBetweenTwoOfMineLeaveMyReceiptsUnchanged() {
        Auction a = openForAnHour();
        Response first = bid(Tokens.dealer(D1), a.id(), competitive("3.100", 1_000_000));
        first.then().statusCode(201);
        // others bid between D1's two bids
        placeBid(Tokens.dealer(D2), a.id(), competitive("3.105", 1_000_000));
        placeBid(Tokens.dealer(D3), a.id(), competitive("3.106", 1_000_000));
        placeBid(Tokens.dealer(D2), a.id(), competitive("3.107", 1_000_000));
        Response second = bid(Tokens.dealer(D1), a.id(), competitive("3.110", 2_000_000));
        second.then().statusCode(201);

        // D1 recomputes both receipts from its own two bids alone: nothing of D2's or D3's enters them
        List<Map<String, Object>> mine = ownBids(Tokens.dealer(D1), a.id());
        assertThat(mine).hasSize(2);
        Map<String, Object> one = mine.get(0);
        Map<String, Object> two = mine.get(1);
        assertThat(one.get("bidId")).isEqualTo(first.path("bidId"));
        assertThat(BidReceipts.next(BidReceipts.first(a.id(), D1), one)).isEqualTo(first.path("receipt"));
        assertThat(BidReceipts.next(first.path("receipt"), two)).isEqualTo(second.path("receipt"));
        // and D2's chain from its own bids alone
        BidReceipts.assertChain(ownBids(Tokens.dealer(D2), a.id()));
    }

    @Test
    void atTheDeadlineBidsAndWithdrawalsAreRefused() {
        Auction a = AuctionCore.open("desk1", Duration.ofSeconds(11), Duration.ofSeconds(12)); // room for a loaded machine
        String bidId = placeBid(Tokens.dealer(D1), a.id(), competitive("3.100", 1_000_000));
        AuctionCore.awaitAllocated(a);

        Response late = bid(Tokens.dealer(D1), a.id(), competitive("3.100", 1_000_000));
        late.then().statusCode(409).contentType("application/problem+json");
        assertThat(Instant.parse(late.path("receivedAt"))).isAfterOrEqualTo(a.closesAt());
        assertThat(Instant.parse(late.path("deadline"))).isEqualTo(a.closesAt());
        bid(Tokens.dealer(D2), a.id(), nonCompetitive(5_000)).then().statusCode(409);
        withdraw(Tokens.dealer(D1), a.id(), bidId).then().statusCode(409).contentType("application/problem+json");
        assertThat(ownBids(Tokens.dealer(D1), a.id())).extracting(b -> b.get("withdrawn")).containsExactly(false);
    }
}
