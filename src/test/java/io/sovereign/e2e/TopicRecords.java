package io.sovereign.e2e;

import io.sovereign.events.EventCodec;
import io.sovereign.events.PlatformEvent;
import io.sovereign.stack.KafkaUsers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Everything on a topic of the running stack right now, read from the beginning to the end offsets,
 * as the read-only {@code auditor} principal (the broker serves nobody unauthenticated).
 */
final class TopicRecords {

    private TopicRecords() {
    }

    static List<ConsumerRecord<String, String>> all(String topic) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        Map<String, Object> config = new HashMap<>(KafkaUsers.client(PlatformStack.config(), KafkaUsers.AUDITOR));
        config.put("key.deserializer", StringDeserializer.class.getName());
        config.put("value.deserializer", StringDeserializer.class.getName());
        config.put("enable.auto.commit", "false");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        return records;
    }

    /** The events of one type on a topic under one key, in topic order. */
    static <T extends PlatformEvent> List<T> events(String topic, String key, Class<T> type) {
        return values(topic, key, type).stream().map(v -> type.cast(EventCodec.read(v).data())).toList();
    }

    /** The same events as the CloudEvents JSON on the topic, for members the event records do not bind. */
    static List<String> values(String topic, String key, Class<? extends PlatformEvent> type) {
        return all(topic).stream().filter(r -> key.equals(r.key()))
                .filter(r -> type.isInstance(EventCodec.read(r.value()).data())).map(ConsumerRecord::value).toList();
    }
}
