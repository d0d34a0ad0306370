package io.sovereign.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.sovereign.events.AuctionClosed;
import io.sovereign.events.EventCodec;
import io.sovereign.events.Topics;
import io.sovereign.stack.Service;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Auctions open and close on the server clock; the desk may close early or cancel before the close. */
@ExtendWith(PlatformStack.class)
class AuctionLifecycleIT {

    private static String auctions(String path) {
        return PlatformStack.url(Service.AUCTION_CORE) + "/api/v1/auctions" + path;
    }

    private static String announce(Instant opens, Instant ncCloses, Instant closes) {
        LocalDate issue = LocalDate.now().plusDays(7);
        String body = """
                {"format": "SINGLE_PRICE", "bidBasis": "YIELD",
                 "security": {"securityType": "NOTE", "issueDate": "%s", "maturityDate": "%s"},
                 "offeringAmount": 1000000000,
                 "biddingOpensAt": "%s", "nonCompetitiveClosesAt": "%s", "competitiveClosesAt": "%s"}"""
                .formatted(issue, issue.plusYears(10), opens, ncCloses, closes);
        return given().auth().oauth2(Tokens.user("desk1")).contentType("application/json").body(body)
                .post(auctions("")).then().statusCode(201).extract().path("auctionId");
    }

    private static String status(String id) {
        return given().auth().oauth2(Tokens.dealer("dealer-02")).get(auctions("/" + id)).then().statusCode(200)
                .extract().path("status");
    }

    @Test
    void anAuctionOpensAndClosesOnScheduleAndTheCloseIsAnnounced() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant closes = now.plusMillis(3_500);
        String id = announce(now.plusMillis(1_000), now.plusMillis(2_500), closes);
        assertThat(status(id)).isIn("ANNOUNCED", "OPEN");
        await().atMost(Duration.ofSeconds(5)).until(() -> status(id).equals("OPEN"));
        // closed, and cleared at once: ALLOCATED (with no bids there is no stop-out)
        await().atMost(Duration.ofSeconds(6)).until(() -> status(id).equals("ALLOCATED"));

        List<AuctionClosed> closed = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            closed.clear();
            closed.addAll(closedEvents(id));
            return !closed.isEmpty();
        });
        assertThat(closed).hasSize(1);
        // on the server clock: not before the deadline, and within the sweep's second after it
        assertThat(closed.get(0).closedAt()).isAfterOrEqualTo(closes).isBefore(closes.plusSeconds(1));
    }

    @Test
    void anAuctionWhoseCloseWentByWhileAuctionCoreWasDownClosesWhenItStarts() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant closes = now.plusMillis(2_000);
        String id = announce(now.plusMillis(500), now.plusMillis(1_500), closes);
        PlatformStack.stack().stopService(Service.AUCTION_CORE);
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(closes.plusMillis(500)));
        } finally {
            PlatformStack.stack().startService(Service.AUCTION_CORE);
        }
        assertThat(status(id)).isEqualTo("ALLOCATED");
        await().atMost(Duration.ofSeconds(20)).until(() -> closedEvents(id).size() == 1);
        assertThat(closedEvents(id).get(0).closedAt()).isAfter(closes);
    }

    @Test
    void theDeskClosesEarlyOrCancelsBeforeTheClose() {
        Instant now = Instant.now();
        String early = announce(now.plusSeconds(3600), now.plusSeconds(7000), now.plusSeconds(7200));
        given().auth().oauth2(Tokens.dealer("dealer-01")).post(auctions("/" + early + "/close")).then().statusCode(403);
        given().auth().oauth2(Tokens.user("desk1")).post(auctions("/" + early + "/close")).then().statusCode(200)
                .body("status", equalTo("ALLOCATED"));
        given().auth().oauth2(Tokens.user("desk1")).post(auctions("/" + early + "/close")).then().statusCode(409);
        given().auth().oauth2(Tokens.user("desk1")).post(auctions("/" + early + "/cancel")).then().statusCode(409);

        String cancelled = announce(now.plusSeconds(3600), now.plusSeconds(7000), now.plusSeconds(7200));
        given().auth().oauth2(Tokens.user("desk1")).post(auctions("/" + cancelled + "/cancel")).then()
                .statusCode(200).body("status", equalTo("CANCELLED"));
        given().auth().oauth2(Tokens.user("desk1")).post(auctions("/" + cancelled + "/close")).then().statusCode(409)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.user("desk1")).post(auctions("/no-such-auction/cancel")).then().statusCode(404);
    }

    private static List<AuctionClosed> closedEvents(String auctionId) {
        List<AuctionClosed> found = new ArrayList<>();
        for (var r : TopicRecords.all(Topics.AUCTION_EVENTS)) {
            if (auctionId.equals(r.key()) && EventCodec.read(r.value()).data() instanceof AuctionClosed c) {
                found.add(c);
            }
        }
        return found;
    }
}
