package io.sovereign.e2e;

import io.sovereign.events.AuctionEvent;
import io.sovereign.events.CloudEvent;
import io.sovereign.events.EventCodec;
import io.sovereign.events.Topics;
import io.sovereign.stack.KafkaUsers;
import io.sovereign.stack.Service;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes events on auction.events.v1 as a client holding the broker's write access to that topic
 * would: the attacker of the forged-results tests (a stolen credential, a compromised broker).
 * It writes with auction-core's own Kafka credential, the only one the broker's ACLs let write there.
 */
final class AuctionEventsWriter {

    private AuctionEventsWriter() {
    }

    static Map<String, Object> producerConfig() {
        // auction-core's own credential: the broker's ACLs let only it write auction.events.v1, so the
        // forgeries of these tests are what a leaked auction-core credential could do
        Map<String, Object> config = new HashMap<>(KafkaUsers.client(PlatformStack.config(),
                KafkaUsers.principal(Service.AUCTION_CORE)));
        config.put("acks", "all");
        config.put("key.serializer", StringSerializer.class.getName());
        config.put("value.serializer", StringSerializer.class.getName());
        return config;
    }

    /** Sends a record as it is (a redelivery: the same bytes, the same event id). */
    static void sendAsIs(String key, String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig())) {
            producer.send(new ProducerRecord<>(Topics.AUCTION_EVENTS, key, value)).get();
        }
    }

    /** Sends the events, each in a new envelope (a new event id) from {@code source}, in this order; returns their ids. */
    static List<String> send(String source, List<? extends AuctionEvent> events) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig())) {
            List<String> ids = new java.util.ArrayList<>();
            for (AuctionEvent e : events) {
                CloudEvent<AuctionEvent> envelope = CloudEvent.of(source, e);
                producer.send(new ProducerRecord<>(Topics.AUCTION_EVENTS, e.key(), EventCodec.write(envelope))).get();
                ids.add(envelope.id());
            }
            return ids;
        }
    }
}
