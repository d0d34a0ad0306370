package io.sovereign.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.sovereign.events.AuctionAnnounced;
import io.sovereign.events.CloudEvent;
import io.sovereign.events.EventCodec;
import io.sovereign.events.Topics;
import io.sovereign.stack.Service;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A poison event in auction-core's outbox, on the real stack with Kafka's default record limit
 * (1 MB, producer and broker): it is parked, not retried forever; the events of other keys keep
 * flowing to settlement; the events of its own key wait behind it; operators see it (endpoint,
 * metric, readiness details) and release its key by discarding it.
 *
 * <p>The poison is a 2 MB {@code AuctionResultsPublished} row written straight into auction-core's
 * {@code outbox_event} by JDBC: it simulates the 55 MB results event of issue 16, which no product
 * path can produce any more now that results are sent in chunks. The event of the same key behind
 * it is a well-formed {@code AuctionAnnounced} for the same (made-up) auction, so its delivery is
 * visible in settlement's securities once it is released.
 */
@Tag("faults")
@ExtendWith(PlatformStack.class)
class OutboxParkingIT {

    private static final String PARKED = "/api/v1/outbox/parked";

    @Test
    void aPoisonEventIsParkedWhileOtherKeysFlowAndItsOwnKeyWaitsForTheOperator() throws Exception {
        double parkingsBefore = metric("outbox_events_parked_total");
        String key = UUID.randomUUID().toString();
        String poisonId = UUID.randomUUID().toString();
        String heldIsin = isin();
        CloudEvent<AuctionAnnounced> held = CloudEvent.of("auction-core", announced(key, heldIsin));
        insertPoisonThenHeld(key, poisonId, held);

        // parked, not retried forever: it is listed for operators with Kafka's refusal
        await().atMost(Duration.ofSeconds(30)).until(() -> parked().getList("eventId").contains(poisonId));
        Map<String, Object> poison = parkedEvent(poisonId);
        assertThat(poison).containsEntry("state", "PARKED").containsEntry("type", "AuctionResultsPublished")
                .containsEntry("key", key).containsEntry("topic", Topics.AUCTION_EVENTS).containsEntry("heldBack", 1);
        assertThat((String) poison.get("error")).contains("RecordTooLargeException").contains("max.request.size");
        assertThat(poison.get("parkedAt")).isNotNull();

        // later events of other keys flow: an auction announced now reaches settlement
        String flowingIsin = given().auth().oauth2(Tokens.user("desk1")).contentType("application/json")
                .body(Announcements.note()).post(PlatformStack.url(Service.AUCTION_CORE) + "/api/v1/auctions")
                .then().statusCode(201).extract().jsonPath().getString("security.isin");
        await().atMost(Duration.ofSeconds(30)).until(() -> securities().contains(flowingIsin));

        // the event of the parked one's key waits: unsent, not on the topic, unknown to settlement
        assertThat(outboxState(held.id())).isEqualTo("pending");
        assertThat(TopicRecords.all(Topics.AUCTION_EVENTS)).noneMatch(r -> key.equals(r.key()));
        assertThat(securities()).doesNotContain(heldIsin);

        // operators see it in the metrics and the readiness details; the service stays ready
        assertThat(metric("outbox_parked_events")).isGreaterThanOrEqualTo(1);
        assertThat(metric("outbox_held_events")).isGreaterThanOrEqualTo(1);
        assertThat(metric("outbox_events_parked_total")).isGreaterThanOrEqualTo(parkingsBefore + 1);
        JsonPath ready = given().get(PlatformStack.managementUrl(Service.AUCTION_CORE) + "/q/health/ready").then().statusCode(200)
                .extract().jsonPath();
        assertThat(ready.getString("status")).isEqualTo("UP");
        assertThat(ready.getString("checks.find { it.name == 'Outbox parked events' }.status")).isEqualTo("UP");
        assertThat(ready.getInt("checks.find { it.name == 'Outbox parked events' }.data.parked")).isGreaterThanOrEqualTo(1);
        assertThat(ready.getInt("checks.find { it.name == 'Outbox parked events' }.data.heldBack")).isGreaterThanOrEqualTo(1);

        // who may do what: auditors look, only settlement operators act, a desk officer does neither
        as("auditor1").get(url(PARKED)).then().statusCode(200);
        as("desk1").get(url(PARKED)).then().statusCode(403);
        as("auditor1").post(url(PARKED + "/" + poisonId + "/retry")).then().statusCode(403);
        assertThat(outboxState(poisonId)).isEqualTo("parked");

        // unknown id: 404; an event that is not parked (the held one): 409, both as problems
        operator().post(url(PARKED + "/" + UUID.randomUUID() + "/retry")).then().statusCode(404)
                .contentType("application/problem+json");
        operator().post(url(PARKED + "/" + held.id() + "/retry")).then().statusCode(409)
                .contentType("application/problem+json");

        // a retry sends it again, first of its key: the broker's limit has not changed, so it is parked again
        // and the event behind it still waits
        operator().post(url(PARKED + "/" + poisonId + "/retry")).then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> metric("outbox_events_parked_total") >= parkingsBefore + 2
                && "parked".equals(outboxState(poisonId)));
        assertThat(outboxState(held.id())).isEqualTo("pending");

        // discarded with a reason: never sent, and the event it held back goes out and reaches settlement
        operator().contentType("application/json").body("{}").post(url(PARKED + "/" + poisonId + "/discard")).then()
                .statusCode(400);
        JsonPath discarded = operator().contentType("application/json")
                .body("{\"reason\": \"Results above the record limit: republished in chunks\"}")
                .post(url(PARKED + "/" + poisonId + "/discard")).then().statusCode(200).extract().jsonPath();
        assertThat(discarded.getString("state")).isEqualTo("DISCARDED");
        assertThat(discarded.getString("discardedBy")).isEqualTo("operator1");
        await().atMost(Duration.ofSeconds(30)).until(() -> securities().contains(heldIsin));
        assertThat(outboxState(held.id())).isEqualTo("published");
        assertThat(outboxState(poisonId)).isEqualTo("discarded");
        assertThat(TopicRecords.all(Topics.AUCTION_EVENTS)).filteredOn(r -> key.equals(r.key())).singleElement()
                .satisfies(r -> assertThat(EventCodec.read(r.value()).id()).isEqualTo(held.id()));
        assertThat(parked().getList("eventId")).doesNotContain(poisonId);
        operator().post(url(PARKED + "/" + poisonId + "/retry")).then().statusCode(409);
    }

    /** Both rows in one transaction, the poison first (commit order is the outbox's order). */
    private static void insertPoisonThenHeld(String key, String poisonId, CloudEvent<AuctionAnnounced> held)
            throws Exception {
        // 2 MB: twice Kafka's default max.request.size and message.max.bytes
        String padding = "x".repeat(2 * 1024 * 1024);
        String poison = """
                {"specversion":"1.0","id":"%s","source":"auction-core","type":"AuctionResultsPublished","subject":"%s",\
                "datacontenttype":"application/json","data":{"auctionId":"%s","allocations":"%s"}}"""
                .formatted(poisonId, key, key, padding);
        try (Connection c = PlatformStack.database(Service.AUCTION_CORE)) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("insert into outbox_event "
                    + "(event_id, topic, record_key, type, payload, created_at) values (?, ?, ?, ?, ?, ?)")) {
                insert(ps, poisonId, key, "AuctionResultsPublished", poison);
                insert(ps, held.id(), key, held.type(), EventCodec.write(held));
            }
            c.commit();
        }
    }

    private static void insert(PreparedStatement ps, String id, String key, String type, String payload) throws Exception {
        ps.setString(1, id);
        ps.setString(2, Topics.AUCTION_EVENTS);
        ps.setString(3, key);
        ps.setString(4, type);
        ps.setString(5, payload);
        ps.setTimestamp(6, Timestamp.from(Instant.now()));
        ps.executeUpdate();
    }

    /** pending, parked, published or discarded, as auction-core's outbox holds it. */
    private static String outboxState(String eventId) throws Exception {
        try (Connection c = PlatformStack.database(Service.AUCTION_CORE); PreparedStatement ps = c.prepareStatement(
                "select published_at is not null, discarded_at is not null, parked_at is not null from outbox_event "
                        + "where event_id = ?")) {
            ps.setString(1, eventId);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as("outbox row " + eventId).isTrue();
                return rs.getBoolean(1) ? "published" : rs.getBoolean(2) ? "discarded" : rs.getBoolean(3) ? "parked" : "pending";
            }
        }
    }

    private static AuctionAnnounced announced(String auctionId, String isin) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        LocalDate issue = LocalDate.now().plusDays(7);
        return new AuctionAnnounced(auctionId, isin, "NOTE", issue, issue.plusYears(3), null, (BigDecimal) null,
                "SINGLE_PRICE", "YIELD", 1_000_000_000L, now.plusSeconds(60), now.plusSeconds(3300), now.plusSeconds(3600),
                "desk1");
    }

    /** A valid ISIN no auction of the stack uses (prefix XP, a random body, Luhn check digit). */
    private static String isin() {
        String body = "XP" + String.format("%09d", ThreadLocalRandom.current().nextLong(1_000_000_000L));
        StringBuilder digits = new StringBuilder();
        for (char ch : body.toCharArray()) {
            digits.append(Character.isDigit(ch) ? String.valueOf(ch - '0') : String.valueOf(ch - 'A' + 10));
        }
        int sum = 0;
        boolean twice = true;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = (digits.charAt(i) - '0') * (twice ? 2 : 1);
            sum += d > 9 ? d - 9 : d;
            twice = !twice;
        }
        return body + (10 - sum % 10) % 10;
    }

    private static JsonPath parked() {
        return operator().get(url(PARKED)).then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> parkedEvent(String eventId) {
        List<Map<String, Object>> all = parked().getList("");
        return all.stream().filter(e -> eventId.equals(e.get("eventId"))).findFirst().orElseThrow();
    }

    private static List<String> securities() {
        return given().auth().oauth2(Tokens.dealer("dealer-01")).get(PlatformStack.url(Service.SETTLEMENT)
                + "/api/v1/securities").then().statusCode(200).extract().jsonPath().getList("isin", String.class);
    }

    /** A meter of auction-core's Prometheus endpoint (any tags), 0 if it is not there yet. */
    private static double metric(String name) {
        String text = given().get(PlatformStack.managementUrl(Service.AUCTION_CORE) + "/q/metrics").then().statusCode(200)
                .extract().asString();
        Matcher m = Pattern.compile("^" + Pattern.quote(name) + "(?:\\{[^}]*})? ([0-9.E+-]+)$", Pattern.MULTILINE)
                .matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : 0.0;
    }

    private static RequestSpecification operator() {
        return as("operator1");
    }

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.user(user)).accept("application/json");
    }

    private static String url(String path) {
        return PlatformStack.url(Service.AUCTION_CORE) + path;
    }
}
