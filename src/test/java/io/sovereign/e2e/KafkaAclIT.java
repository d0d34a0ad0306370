package io.sovereign.e2e;

import static io.sovereign.e2e.AuctionCore.subscribe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sovereign.events.AuctionClosed;
import io.sovereign.events.CloudEvent;
import io.sovereign.events.DealerDisabled;
import io.sovereign.events.EventCodec;
import io.sovereign.events.InvestorApproved;
import io.sovereign.events.PlatformEvent;
import io.sovereign.events.Topics;
import io.sovereign.stack.KafkaUsers;
import io.sovereign.stack.Service;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnsupportedSaslMechanismException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The attacks of someone with network reach to the broker, performed on the real stack's broker:
 * no credentials, a guessed password, a password sent in clear, one service's credential used to
 * write another's topic (a forged InvestorApproved to bypass KYC), to read a topic it does not
 * consume, or to join another service's consumer group. Each is refused, and nothing changed.
 * And behind the ACLs, the consumers' own check: an identity event is applied only from identity
 * on identity.events.v1.
 */
@ExtendWith(PlatformStack.class)
class KafkaAclIT {

    /** How long a refused client may try: refusals are immediate, an unauthenticated client just times out. */
    private static final Duration TRY = Duration.ofSeconds(4);

    @ParameterizedTest
    @ValueSource(strings = {Topics.AUCTION_EVENTS, Topics.IDENTITY_EVENTS, Topics.SETTLEMENT_EVENTS})
    void aClientWithoutCredentialsNeitherWritesNorReadsAnyTopic(String topic) {
        Map<String, Object> anonymous = Map.of("bootstrap.servers", PlatformStack.config().kafkaBootstrap());
        String eventId = UUID.randomUUID().toString();
        try (KafkaProducer<String, String> producer = producer(anonymous)) {
            // the broker answers nothing but the SASL handshake: the client never learns the topic's metadata
            assertThat(refusal(() -> producer.send(forgedApproval(topic, eventId, "identity")).get()))
                    .isInstanceOf(TimeoutException.class);
        }
        try (KafkaConsumer<String, String> consumer = consumer(anonymous)) {
            assertThat(refusal(() -> consumer.partitionsFor(topic, TRY))).isInstanceOf(TimeoutException.class);
            TopicPartition first = new TopicPartition(topic, 0);
            consumer.assign(List.of(first));
            consumer.seekToBeginning(List.of(first));
            assertThat(refusal(() -> consumer.position(first, TRY))).isInstanceOf(TimeoutException.class);
        }
        assertThat(TopicRecords.all(topic)).noneMatch(r -> r.value().contains(eventId));
    }

    @Test
    void aWrongPasswordAnUnknownUserAndAPasswordInClearAreRefused() {
        String bootstrap = PlatformStack.config().kafkaBootstrap();
        for (Map<String, Object> guess : List.of(KafkaUsers.client(bootstrap, "identity", "identity"),
                KafkaUsers.client(bootstrap, "identity", KafkaUsers.password("identity") + "x"),
                KafkaUsers.client(bootstrap, "mallory", KafkaUsers.password("mallory")))) {
            try (KafkaProducer<String, String> producer = producer(guess)) {
                assertThat(refusal(() -> producer.send(forgedApproval(Topics.IDENTITY_EVENTS,
                        UUID.randomUUID().toString(), "identity")).get())).isInstanceOf(SaslAuthenticationException.class);
            }
            try (KafkaConsumer<String, String> consumer = consumer(guess)) {
                assertThat(refusal(() -> consumer.partitionsFor(Topics.AUCTION_EVENTS, TRY)))
                        .isInstanceOf(SaslAuthenticationException.class);
            }
        }
        // SASL/PLAIN (the password itself on the wire) is not offered, not even with the right password
        Map<String, Object> plain = new HashMap<>(KafkaUsers.client(PlatformStack.config(), KafkaUsers.AUDITOR));
        plain.put("sasl.mechanism", "PLAIN");
        plain.put("sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
                + KafkaUsers.AUDITOR + "\" password=\"" + KafkaUsers.password(KafkaUsers.AUDITOR) + "\";");
        try (KafkaConsumer<String, String> consumer = consumer(plain)) {
            assertThat(refusal(() -> consumer.partitionsFor(Topics.AUCTION_EVENTS, TRY)))
                    .isInstanceOf(UnsupportedSaslMechanismException.class);
        }
    }

    @Test
    void anotherServiceCannotApproveAnInvestorOnIdentitysTopic() {
        AuctionCore.Auction auction = AuctionCore.open("desk1", Duration.ofMinutes(50), Duration.ofHours(1));
        subscribe(Tokens.user("retail2"), auction.id(), 5_000).then().statusCode(403);

        // settlement may write (its own topic), so its idempotent producer starts: the topic is refused
        String fromSettlement = UUID.randomUUID().toString();
        try (KafkaProducer<String, String> producer = producer(as(Service.SETTLEMENT))) {
            assertThat(refusal(() -> producer.send(forgedApproval(Topics.IDENTITY_EVENTS, fromSettlement,
                    "identity")).get())).isInstanceOf(TopicAuthorizationException.class);
        }
        // the portal writes nothing at all
        String fromPortal = UUID.randomUUID().toString();
        Map<String, Object> portal = new HashMap<>(as(Service.BIDDER_PORTAL));
        portal.put("enable.idempotence", "false");
        try (KafkaProducer<String, String> producer = producer(portal)) {
            assertThat(refusal(() -> producer.send(forgedApproval(Topics.IDENTITY_EVENTS, fromPortal,
                    "identity")).get())).isInstanceOf(TopicAuthorizationException.class);
        }

        assertThat(TopicRecords.all(Topics.IDENTITY_EVENTS))
                .noneMatch(r -> r.value().contains(fromSettlement) || r.value().contains(fromPortal));
        // KYC not bypassed: retail2 still has no approved investor record
        subscribe(Tokens.user("retail2"), auction.id(), 5_000).then().statusCode(403)
                .contentType("application/problem+json");
    }

    @ParameterizedTest
    @ValueSource(strings = {Topics.AUCTION_EVENTS, Topics.SETTLEMENT_EVENTS})
    void thePortalReadsNoTopicItDoesNotConsume(String topic) {
        try (KafkaConsumer<String, String> consumer = consumer(as(Service.BIDDER_PORTAL))) {
            assertThat(refusal(() -> consumer.partitionsFor(topic, TRY))).isInstanceOf(TopicAuthorizationException.class);
        }
        Map<String, Object> grouped = new HashMap<>(as(Service.BIDDER_PORTAL));
        grouped.put("group.id", "bidder-portal-snoop");
        try (KafkaConsumer<String, String> consumer = consumer(grouped)) {
            consumer.subscribe(List.of(topic));
            assertThat(refusal(() -> consumer.poll(TRY))).isInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void noServiceJoinsAnotherServicesConsumerGroup() {
        // joining settlement's group would take partitions away from settlement: it would miss those events
        Map<String, Object> hijack = new HashMap<>(as(Service.BIDDER_PORTAL));
        hijack.put("group.id", "settlement-investors");
        try (KafkaConsumer<String, String> consumer = consumer(hijack)) {
            consumer.subscribe(List.of(Topics.IDENTITY_EVENTS));
            assertThat(refusal(() -> consumer.poll(TRY))).isInstanceOf(GroupAuthorizationException.class);
        }
    }

    @Test
    void settlementAppliesNoApprovalWrittenOnTheAuctionTopic() throws Exception {
        // auction-core's credential may write auction.events.v1, which settlement consumes: an approval
        // there (claiming to be identity's) is refused by settlement's consumer
        String forged = UUID.randomUUID().toString();
        String marker = UUID.randomUUID().toString();
        String key = "kafka-acl-" + UUID.randomUUID(); // one key: one partition, read in this order
        try (KafkaProducer<String, String> producer = producer(as(Service.AUCTION_CORE))) {
            producer.send(new ProducerRecord<>(Topics.AUCTION_EVENTS, key, forgedApproval(Topics.AUCTION_EVENTS,
                    forged, "identity").value())).get();
            producer.send(new ProducerRecord<>(Topics.AUCTION_EVENTS, key, json(new CloudEvent<>(CloudEvent.SPEC_VERSION,
                    marker, "auction-core", "AuctionClosed", key, Instant.now(), CloudEvent.JSON,
                    new AuctionClosed(key, Instant.now(), 0))))).get();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> processed(Service.SETTLEMENT, marker));
        assertThat(processed(Service.SETTLEMENT, forged)).isFalse();
        assertThat(kycStatus(Service.SETTLEMENT, "investor", "retail2")).isNotEqualTo("APPROVED");
    }

    @Test
    void anApprovalOnIdentitysTopicClaimingAnotherSourceIsNotApplied() throws Exception {
        // even on identity's own topic, only identity's events count (the source it stamps on them)
        AuctionCore.Auction auction = AuctionCore.open("desk1", Duration.ofMinutes(50), Duration.ofHours(1));
        String forged = UUID.randomUUID().toString();
        String marker = UUID.randomUUID().toString();
        try (KafkaProducer<String, String> producer = producer(as(Service.IDENTITY))) {
            producer.send(forgedApproval(Topics.IDENTITY_EVENTS, forged, "bidder-portal")).get();
            // a harmless event of identity's after it, on the same partition (key retail2)
            DealerDisabled nobody = new DealerDisabled("retail2", "kafka-acl-" + marker, "kafka-acl-it", Instant.now());
            producer.send(new ProducerRecord<>(Topics.IDENTITY_EVENTS, "retail2", json(new CloudEvent<>(
                    CloudEvent.SPEC_VERSION, marker, "identity", "DealerDisabled", "retail2", Instant.now(),
                    CloudEvent.JSON, nobody)))).get();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> processed(Service.AUCTION_CORE, marker)
                && processed(Service.SETTLEMENT, marker));
        assertThat(processed(Service.AUCTION_CORE, forged)).isFalse();
        assertThat(processed(Service.SETTLEMENT, forged)).isFalse();
        subscribe(Tokens.user("retail2"), auction.id(), 5_000).then().statusCode(403);
        assertThat(kycStatus(Service.AUCTION_CORE, "investor_status", "retail2")).isNotEqualTo("APPROVED");
    }

    /** An InvestorApproved for retail2 (who has no investor record), as a forger would write it. */
    private static ProducerRecord<String, String> forgedApproval(String topic, String eventId, String source) {
        InvestorApproved approval = new InvestorApproved("retail2", "RETAIL", "DE",
                "0x00000000000000000000000000000000000000a2", Instant.now());
        return new ProducerRecord<>(topic, "retail2", json(new CloudEvent<>(CloudEvent.SPEC_VERSION, eventId, source,
                "InvestorApproved", "retail2", Instant.now(), CloudEvent.JSON, approval)));
    }

    private static String json(CloudEvent<? extends PlatformEvent> event) {
        return EventCodec.write(event);
    }

    private static Map<String, Object> as(Service service) {
        return KafkaUsers.client(PlatformStack.config(), KafkaUsers.principal(service));
    }

    private static KafkaProducer<String, String> producer(Map<String, Object> connection) {
        Map<String, Object> config = new HashMap<>(connection);
        config.put("acks", "all");
        config.put("max.block.ms", (int) TRY.toMillis());
        config.put("delivery.timeout.ms", (int) TRY.toMillis() + 1_000);
        config.put("request.timeout.ms", (int) TRY.toMillis());
        config.put("key.serializer", StringSerializer.class.getName());
        config.put("value.serializer", StringSerializer.class.getName());
        return new KafkaProducer<>(config);
    }

    private static KafkaConsumer<String, String> consumer(Map<String, Object> connection) {
        Map<String, Object> config = new HashMap<>(connection);
        config.put("enable.auto.commit", "false");
        config.put("auto.offset.reset", "earliest");
        config.put("default.api.timeout.ms", (int) TRY.toMillis());
        config.put("key.deserializer", StringDeserializer.class.getName());
        config.put("value.deserializer", StringDeserializer.class.getName());
        return new KafkaConsumer<>(config);
    }

    /** What the attempt failed with: the cause of a failed send's future, inside a bare KafkaException. */
    private static Throwable refusal(Callable<?> attempt) {
        Throwable failure;
        try {
            attempt.call();
            throw new AssertionError("The broker did not refuse");
        } catch (ExecutionException e) {
            failure = e.getCause();
        } catch (Exception e) {
            failure = e;
        }
        while (failure.getClass() == KafkaException.class && failure.getCause() != null) {
            failure = failure.getCause();
        }
        return failure;
    }

    /** Whether a service's consumers have processed (applied) an event: its id is in the service's inbox. */
    private static boolean processed(Service service, String eventId) throws Exception {
        try (Connection db = PlatformStack.database(service);
                PreparedStatement q = db.prepareStatement("select count(*) from inbox_event where event_id = ?")) {
            q.setString(1, eventId);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getInt(1) > 0;
            }
        }
    }

    private static String kycStatus(Service service, String table, String investorId) throws Exception {
        try (Connection db = PlatformStack.database(service);
                PreparedStatement q = db.prepareStatement("select kyc_status from " + table + " where investor_id = ?")) {
            q.setString(1, investorId);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
