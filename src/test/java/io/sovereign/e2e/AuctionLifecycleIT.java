package io.sovereign.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.sovereign.events.AuctionClosed;
import io.sovereign.events.Topics;
import io.sovereign.stack.Service;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Auctions open and close on the server clock; the desk may close early or cancel before the close. */
@ExtendWith(PlatformStack.class)
class AuctionLifecycleIT {

    private static String auctions(String path) {
        return AuctionCore.url("/auctions" + path);
    }

    private static String announce(Instant opens, Instant ncCloses, Instant closes) {
        return AuctionCore.announce("desk1", opens, ncCloses, closes).id();
    }

    private static String status(String id) {
        return AuctionCore.status(id);
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
        return TopicRecords.events(Topics.AUCTION_EVENTS, auctionId, AuctionClosed.class);
    }
}
