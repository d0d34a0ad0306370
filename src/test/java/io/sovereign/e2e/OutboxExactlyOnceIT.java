package io.sovereign.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import io.sovereign.events.AuctionAnnounced;
import io.sovereign.events.CloudEvent;
import io.sovereign.events.EventCodec;
import io.sovereign.events.PlatformEvent;
import io.sovereign.events.Topics;
import io.sovereign.stack.KafkaUsers;
import io.sovereign.stack.Service;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The generic outbox and inbox, proven once: auction-core writes AuctionAnnounced through its
 * outbox, the relay puts it on auction.events.v1, settlement applies it exactly once, also when
 * the very same event is delivered a second time.
 */
@ExtendWith(PlatformStack.class)
class OutboxExactlyOnceIT {

    @Test
    void anAnnouncementReachesSettlementExactlyOnceEvenWhenDeliveredTwice() throws Exception {
        double appliedBefore = metric("settlement_events_applied_total", "AuctionAnnounced");
        double duplicatesBefore = metric("settlement_events_duplicates_total", "AuctionAnnounced");

        JsonPath announced = given().auth().oauth2(Tokens.user("desk1")).contentType("application/json")
                .body(Announcements.note()).post(PlatformStack.url(Service.AUCTION_CORE) + "/api/v1/auctions")
                .then().statusCode(201).extract().jsonPath();
        String auctionId = announced.getString("auctionId");
        String isin = announced.getString("security.isin");

        await().atMost(Duration.ofSeconds(30)).until(() -> securities().contains(isin));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> metric("settlement_events_applied_total", "AuctionAnnounced") == appliedBefore + 1);

        // the event as it is on the topic: a structured CloudEvent keyed by the auction id
        ConsumerRecord<String, String> onTopic = findOnTopic(auctionId);
        CloudEvent<PlatformEvent> event = EventCodec.read(onTopic.value());
        assertThat(event.specversion()).isEqualTo("1.0");
        assertThat(event.type()).isEqualTo("AuctionAnnounced");
        assertThat(event.source()).isEqualTo("auction-core");
        assertThat(event.subject()).isEqualTo(auctionId);
        assertThat(event.data()).isInstanceOfSatisfying(AuctionAnnounced.class, a -> {
            assertThat(a.isin()).isEqualTo(isin);
            assertThat(a.offeringAmount()).isEqualTo(42_000_000_000L);
            assertThat(a.createdBy()).isEqualTo("desk1");
        });

        // a redelivery: the same bytes again, as after a relay crash between send and mark (sent as
        // auction-core, the only principal that may write auction.events.v1)
        Map<String, Object> config = new HashMap<>(KafkaUsers.client(PlatformStack.config(),
                KafkaUsers.principal(Service.AUCTION_CORE)));
        config.put("acks", "all");
        config.put("key.serializer", StringSerializer.class.getName());
        config.put("value.serializer", StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            producer.send(new ProducerRecord<>(Topics.AUCTION_EVENTS, onTopic.key(), onTopic.value())).get();
        }

        await().atMost(Duration.ofSeconds(30))
                .until(() -> metric("settlement_events_duplicates_total", "AuctionAnnounced") == duplicatesBefore + 1);
        assertThat(metric("settlement_events_applied_total", "AuctionAnnounced")).isEqualTo(appliedBefore + 1);
        assertThat(securities()).filteredOn(isin::equals).hasSize(1);
    }

    private static List<String> securities() {
        return given().auth().oauth2(Tokens.dealer("dealer-01"))
                .get(PlatformStack.url(Service.SETTLEMENT) + "/api/v1/securities")
                .then().statusCode(200).extract().jsonPath().getList("isin", String.class);
    }

    /** A counter of settlement's Prometheus endpoint (its management port), 0 if it has not been incremented yet. */
    private static double metric(String name, String type) {
        String text = given().get(PlatformStack.managementUrl(Service.SETTLEMENT) + "/q/metrics").then().statusCode(200)
                .extract().asString();
        Matcher m = Pattern.compile("^" + Pattern.quote(name) + "\\{type=\"" + type + "\"} ([0-9.E]+)$",
                Pattern.MULTILINE).matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : 0.0;
    }

    private static ConsumerRecord<String, String> findOnTopic(String key) {
        return TopicRecords.all(Topics.AUCTION_EVENTS).stream().filter(r -> key.equals(r.key())).findFirst()
                .orElseThrow(() -> new AssertionError("No record with key " + key + " on " + Topics.AUCTION_EVENTS));
    }
}
