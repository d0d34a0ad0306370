package io.sovereign.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.sovereign.e2e.AuctionDriver.Auction;
import io.sovereign.e2e.AuctionDriver.Award;
import io.sovereign.e2e.AuctionDriver.Bid;
import io.sovereign.e2e.SettlementApi.Instruction;
import io.sovereign.stack.Service;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * PostgreSQL stopped (fast shutdown: every connection dropped) and started again on its data:
 * while it is down every service says so on its readiness check and stays alive; once it is back
 * every service is ready again by itself, without a restart, and a whole auction works again.
 */
@Tag("faults")
@ExtendWith(PlatformStack.class)
class PostgresRestartIT {

    @Test
    void everyServiceReportsTheOutageAndRecoversByItself() {
        List.of("desk1", "desk2", "operator1", "retail1").forEach(Tokens::user);
        SettlementCrashIT.DEALERS.forEach(Tokens::dealer);
        for (Service s : Service.values()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> status(s, "ready") == 200);
        }

        PlatformStack.stack().stopPostgres();
        try {
            // readiness reflects the outage on every service; liveness does not (no restart wanted)
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> Arrays.stream(Service.values()).allMatch(s -> status(s, "ready") == 503));
            for (Service s : Service.values()) {
                given().get(PlatformStack.managementUrl(s) + "/q/health/ready").then().statusCode(503)
                        .body("status", equalTo("DOWN"))
                        .body("checks.find { it.name == 'Database connections health check' }.status", equalTo("DOWN"));
                given().get(PlatformStack.managementUrl(s) + "/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
            }
        } finally {
            PlatformStack.stack().startPostgres();
        }

        // back by itself: every service ready again, no restart
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> Arrays.stream(Service.values()).allMatch(s -> status(s, "ready") == 200));
        for (Service s : Service.values()) {
            given().get(PlatformStack.managementUrl(s) + "/q/health/live").then().statusCode(200);
        }

        // a whole auction: announce, dealers' bids and a retail subscription, close, publish, settle
        LocalDate issue = LocalDate.now().plusDays(7);
        Auction a = AuctionDriver.announceNote(issue, issue.plusYears(5), 100_000_000L);
        List<Bid> bids = new ArrayList<>(SettlementCrashIT.bids(6));
        AuctionDriver.bid(a, bids, 2);
        String subscription = AuctionCore.as(Tokens.user("retail1")).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType("application/json").body("{\"amount\": 5000}")
                .post(AuctionDriver.url("/auctions/" + a.id() + "/subscriptions")).then().statusCode(201)
                .extract().path("bidId");
        AuctionCore.as(Tokens.user("retail1")).get(AuctionDriver.url("/subscriptions")).then().statusCode(200)
                .body("find { it.bidId == '" + subscription + "' }.amount", equalTo(5_000));
        AuctionDriver.close(a);
        List<Award> awards = AuctionDriver.publish(a);
        assertThat(awards).hasSize(7);

        Map<String, Instruction> done = SettlementApi.awaitFinal(a.id(), awards.size(), Duration.ofSeconds(120));
        assertThat(done.keySet()).containsExactlyInAnyOrderElementsOf(awards.stream().map(Award::allocationId).toList());
        assertThat(done.values()).filteredOn(i -> SettlementCrashIT.DEALERS.contains(i.investorId()))
                .hasSize(6).allSatisfy(i -> assertThat(i.status()).isEqualTo("SETTLED"));
        // identity reads its register again
        given().auth().oauth2(Tokens.user("retail1")).get(PlatformStack.url(Service.IDENTITY) + "/api/v1/investors/me")
                .then().statusCode(200).body("kycStatus", equalTo("APPROVED"));
    }

    private static int status(Service s, String check) {
        try {
            return given().get(PlatformStack.managementUrl(s) + "/q/health/" + check).statusCode();
        } catch (RuntimeException e) {
            return -1;
        }
    }
}
