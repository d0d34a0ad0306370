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

/** The auditor reads who did what to an auction, oldest first; nobody else reads it. */
@ExtendWith(PlatformStack.class)
class AuditIT {

    @Test
    void everyStepOfAnAuctionIsAuditedWithItsActor() {
        Auction a = AuctionCore.open("desk1", Duration.ofSeconds(11), Duration.ofSeconds(12)); // room for a loaded machine
        placeBid(Tokens.dealer("dealer-01"), a.id(), competitive("3.100", 1_000_000));
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

        for (String token : List.of(Tokens.user("desk1"), Tokens.user("desk2"), Tokens.user("compliance1"),
                Tokens.user("operator1"), Tokens.user("retail1"), Tokens.dealer("dealer-01"))) {
            as(token).get(url("/auctions/" + a.id() + "/audit")).then().statusCode(403);
        }
        as(null).get(url("/auctions/" + a.id() + "/audit")).then().statusCode(401);
        as(Tokens.user("auditor1")).get(url("/auctions/no-such-auction/audit")).then().statusCode(404);
    }

    private static List<Object> actors(List<Map<String, Object>> audit, String action) {
        return audit.stream().filter(e -> action.equals(e.get("action"))).map(e -> e.get("actor")).toList();
    }
}
