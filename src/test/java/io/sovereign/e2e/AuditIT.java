package io.sovereign.e2e;

import static io.sovereign.e2e.AuctionCore.as;
import static io.sovereign.e2e.AuctionCore.competitive;
import static io.sovereign.e2e.AuctionCore.placeBid;
import static io.sovereign.e2e.AuctionCore.url;
import static org.assertj.core.api.Assertions.assertThat;

import io.sovereign.e2e.AuctionCore.Auction;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The auditor reads who did what to an auction, oldest first; nobody else reads it. Until the
 * results are published the log is sealed: submissions name bidder, kind and time, never a rate,
 * price or amount, and the clearing entry carries no result.
 */
@ExtendWith(PlatformStack.class)
class AuditIT {

    @Test
    void everyStepOfAnAuctionIsAuditedWithItsActor() {
        Auction a = AuctionCore.open("desk1", Duration.ofSeconds(11), Duration.ofSeconds(12)); // room for a loaded machine
        String first = placeBid(Tokens.dealer("dealer-01"), a.id(), competitive("3.100", 1_000_000));
        String withdrawn = placeBid(Tokens.dealer("dealer-01"), a.id(), competitive("3.200", 1_000_000));
        AuctionCore.withdraw(Tokens.dealer("dealer-01"), a.id(), withdrawn).then().statusCode(200);
        AuctionCore.awaitAllocated(a);
        as(Tokens.user("desk2")).post(url("/auctions/" + a.id() + "/publish")).then().statusCode(200);

        List<Map<String, Object>> audit = as(Tokens.user("auditor1")).get(url("/auctions/" + a.id() + "/audit"))
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(audit).extracting(e -> e.get("action")).containsExactly("ANNOUNCED", "OPENED", "BID_SUBMITTED",
                "BID_SUBMITTED", "BID_WITHDRAWN", "CLOSED", "ALLOCATED", "PUBLISHED");
        assertThat(actors(audit, "ANNOUNCED")).containsExactly("desk1");
        assertThat(actors(audit, "BID_SUBMITTED")).containsExactly("dealer-01", "dealer-01");
        assertThat(actors(audit, "BID_WITHDRAWN")).containsExactly("dealer-01");
        assertThat(actors(audit, "PUBLISHED")).containsExactly("desk2");
        assertThat(audit).allSatisfy(e -> {
            assertThat(e.get("auditId")).isNotNull();
            assertThat(e.get("auctionId")).isEqualTo(a.id());
            assertThat((String) e.get("actor")).isNotBlank();
        });
        List<Instant> at = audit.stream().map(e -> Instant.parse((String) e.get("at"))).toList();
        assertThat(at).isSorted();
        // published: everything, figures included
        assertThat(details(audit, "BID_SUBMITTED")).containsExactly("bid " + first + ": COMPETITIVE at 3.100 for 1000000",
                "bid " + withdrawn + ": COMPETITIVE at 3.200 for 1000000");
        assertThat(details(audit, "ALLOCATED")).singleElement().asString().contains("high 3.100");

        for (String token : List.of(Tokens.user("desk1"), Tokens.user("desk2"), Tokens.user("compliance1"),
                Tokens.user("operator1"), Tokens.user("retail1"), Tokens.dealer("dealer-01"))) {
            as(token).get(url("/auctions/" + a.id() + "/audit")).then().statusCode(403);
        }
        as(null).get(url("/auctions/" + a.id() + "/audit")).then().statusCode(401);
        as(Tokens.user("auditor1")).get(url("/auctions/no-such-auction/audit")).then().statusCode(404);
    }

    @Test
    void beforePublicationTheAuditorSeesNoRateNoAmountAndNoClearingResult() {
        Auction a = AuctionCore.open("desk1", Duration.ofSeconds(11), Duration.ofSeconds(12)); // room for a loaded machine
        String sealedBid = placeBid(Tokens.dealer("dealer-01"), a.id(), competitive("4.123", 300_000_000));
        String withdrawn = placeBid(Tokens.dealer("dealer-02"), a.id(), competitive("4.157", 123_400_000));
        AuctionCore.withdraw(Tokens.dealer("dealer-02"), a.id(), withdrawn).then().statusCode(200);
        // none of these is in the auction's terms (offering 42000000000): found only if a bid leaks
        String[] figures = {"4.123", "300000000", "4.157", "123400000"};

        // open: who, what kind and when; no figure anywhere in the answer
        String open = as(Tokens.user("auditor1")).get(url("/auctions/" + a.id() + "/audit")).then().statusCode(200)
                .extract().asString();
        List<Map<String, Object>> audit = io.restassured.path.json.JsonPath.from(open).getList("$");
        assertThat(audit).extracting(e -> e.get("action")).containsExactly("ANNOUNCED", "OPENED", "BID_SUBMITTED",
                "BID_SUBMITTED", "BID_WITHDRAWN");
        assertThat(actors(audit, "BID_SUBMITTED")).containsExactly("dealer-01", "dealer-02");
        assertThat(details(audit, "BID_SUBMITTED")).containsExactly("bid " + sealedBid + ": COMPETITIVE",
                "bid " + withdrawn + ": COMPETITIVE");
        assertThat(actors(audit, "BID_WITHDRAWN")).containsExactly("dealer-02");
        assertThat(open).doesNotContain(figures);

        // allocated, not published: the clearing entry is there without its result; /results is 404
        AuctionCore.awaitAllocated(a);
        as(Tokens.user("auditor1")).get(url("/auctions/" + a.id() + "/results")).then().statusCode(404);
        String allocated = as(Tokens.user("auditor1")).get(url("/auctions/" + a.id() + "/audit")).then().statusCode(200)
                .extract().asString();
        audit = io.restassured.path.json.JsonPath.from(allocated).getList("$");
        assertThat(audit).extracting(e -> e.get("action")).containsExactly("ANNOUNCED", "OPENED", "BID_SUBMITTED",
                "BID_SUBMITTED", "BID_WITHDRAWN", "CLOSED", "ALLOCATED");
        assertThat(details(audit, "ALLOCATED")).containsExactly("cleared; the results are sealed until they are published");
        assertThat(allocated).doesNotContain(figures).doesNotContain("high", "allotted", "accepted");

        // published: everything as before
        as(Tokens.user("desk2")).post(url("/auctions/" + a.id() + "/publish")).then().statusCode(200);
        audit = as(Tokens.user("auditor1")).get(url("/auctions/" + a.id() + "/audit")).then().statusCode(200)
                .extract().jsonPath().getList("$");
        assertThat(details(audit, "BID_SUBMITTED")).containsExactly("bid " + sealedBid + ": COMPETITIVE at 4.123 for 300000000",
                "bid " + withdrawn + ": COMPETITIVE at 4.157 for 123400000");
        assertThat(details(audit, "ALLOCATED")).singleElement().asString().contains("high 4.123").contains("300000000 accepted");
    }

    private static List<Object> details(List<Map<String, Object>> audit, String action) {
        return audit.stream().filter(e -> action.equals(e.get("action"))).map(e -> e.get("detail")).toList();
    }

    private static List<Object> actors(List<Map<String, Object>> audit, String action) {
        return audit.stream().filter(e -> action.equals(e.get("action"))).map(e -> e.get("actor")).toList();
    }
}
