package io.sovereign.e2e;

import io.sovereign.events.AuctionEvent;
import io.sovereign.events.CloudEvent;
import io.sovereign.events.EventCodec;
import io.sovereign.events.Topics;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes events on auction.events.v1 as a client holding the broker's write access to that topic
 * would: the attacker of the forged-results tests (a stolen credential, a compromised broker).
 * Where the broker authenticates clients, this is the one place that says with which credentials
 * (the ones the stack gives auction-core, the topic's only writer): the system properties
 * {@code e2e.kafka.auction-core.username} and {@code .password} (SASL/SCRAM-SHA-512); without
 * them the stack's listener is used as it is.
 */
final class AuctionEventsWriter {

    private AuctionEventsWriter() {
    }

    static Map<String, Object> producerConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put("bootstrap.servers", PlatformStack.config().kafkaBootstrap());
        config.put("acks", "all");
        config.put("key.serializer", StringSerializer.class.getName());
        config.put("value.serializer", StringSerializer.class.getName());
        String user = System.getProperty("e2e.kafka.auction-core.username");
        if (user != null) {
            config.put("security.protocol", "SASL_PLAINTEXT");
            config.put("sasl.mechanism", "SCRAM-SHA-512");
            config.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                    + user + "\" password=\"" + System.getProperty("e2e.kafka.auction-core.password") + "\";");
        }
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
