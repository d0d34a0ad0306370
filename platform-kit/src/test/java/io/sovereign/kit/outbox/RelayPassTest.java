package io.sovereign.kit.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

class RelayPassTest {

    private static final Instant NOW = Instant.parse("2025-06-02T10:00:00Z");

    /** A producer double: the payloads it took, and per payload what it answers. */
    private final List<String> sent = new ArrayList<>();

    private Function<ProducerRecord<String, String>, Future<RecordMetadata>> broker(Map<String, RuntimeException> refusals) {
        return record -> {
            RuntimeException refusal = refusals.get(record.value());
            if (refusal instanceof SerializationException) {
                throw refusal; // KafkaProducer throws this one instead of failing the future
            }
            if (refusal != null) {
                return CompletableFuture.failedFuture(refusal);
            }
            sent.add(record.value());
            return CompletableFuture.completedFuture(new RecordMetadata(new TopicPartition(record.topic(), 0), 0, 0, 0, 0, 0));
        };
    }

    private static OutboxRecord row(long seq, String key, String payload) {
        OutboxRecord r = new OutboxRecord();
        r.seq = seq;
        r.eventId = "e" + seq;
        r.topic = "auction.events.v1";
        r.recordKey = key;
        r.type = "AuctionAnnounced";
        r.payload = payload;
        r.createdAt = NOW;
        return r;
    }

    @Test
    void aPoisonEventIsParkedAndHoldsBackItsKeyWhileOtherKeysFlow() {
        OutboxRecord big = row(1, "auction-A", "results of A, too large");
        OutboxRecord laterA = row(2, "auction-A", "closed A");
        OutboxRecord b = row(3, "auction-B", "announced B");
        OutboxRecord evenLaterA = row(4, "auction-A", "again A");
        OutboxRecord c = row(5, "auction-C", "announced C");

        RelayPass.Outcome outcome = RelayPass.run(List.of(big, laterA, b, evenLaterA, c),
                broker(Map.of("results of A, too large", new RecordTooLargeException("The message is 55556924 bytes"))),
                1000, NOW);

        assertThat(sent).containsExactly("announced B", "announced C");
        assertThat(outcome.published()).isEqualTo(2);
        assertThat(outcome.parked()).containsExactly(big);
        assertThat(outcome.heldBack()).isEqualTo(2);
        assertThat(outcome.stoppedAt()).isNull();
        assertThat(big.parkedAt).isEqualTo(NOW);
        assertThat(big.parkedError).contains("RecordTooLargeException").contains("55556924");
        assertThat(big.publishedAt).isNull();
        assertThat(List.of(laterA, evenLaterA)).allSatisfy(r -> {
            assertThat(r.publishedAt).isNull();
            assertThat(r.parkedAt).isNull();
            assertThat(r.attempts).isZero();
        });
        assertThat(List.of(b, c)).allSatisfy(r -> assertThat(r.publishedAt).isEqualTo(NOW));
    }

    @Test
    void aSerializationErrorThrownBySendIsParkedToo() {
        OutboxRecord bad = row(1, "k1", "unserializable");
        OutboxRecord other = row(2, "k2", "fine");

        RelayPass.Outcome outcome = RelayPass.run(List.of(bad, other),
                broker(Map.of("unserializable", new SerializationException("cannot serialize"))), 1000, NOW);

        assertThat(outcome.parked()).containsExactly(bad);
        assertThat(bad.state()).isEqualTo("PARKED");
        assertThat(other.state()).isEqualTo("PUBLISHED");
    }

    @Test
    void aTransientFailureStopsTheBatchInOrderAsBefore() {
        OutboxRecord first = row(1, "k1", "first");
        OutboxRecord down = row(2, "k2", "broker down");
        OutboxRecord after = row(3, "k3", "after");

        RelayPass.Outcome outcome = RelayPass.run(List.of(first, down, after),
                broker(Map.of("broker down", new TimeoutException("Expiring 1 record(s)"))), 1000, NOW);

        assertThat(outcome.stoppedAt()).isSameAs(down);
        assertThat(outcome.parked()).isEmpty();
        assertThat(first.state()).isEqualTo("PUBLISHED");
        assertThat(down.state()).isEqualTo("PENDING");
        assertThat(down.attempts).isEqualTo(1);
        assertThat(down.lastError).contains("Expiring");
        // nothing after the failure is sent before it: order kept
        assertThat(sent).containsExactly("first");
        assertThat(after.state()).isEqualTo("PENDING");
        assertThat(after.attempts).isZero();
    }

    @Test
    void aRefusalReportedByTheBrokerIsParkedWhenItsAcknowledgementFails() {
        OutboxRecord refused = row(1, "k1", "refused later");
        OutboxRecord other = row(2, "k2", "fine");
        Function<ProducerRecord<String, String>, Future<RecordMetadata>> send = record -> {
            if (record.value().equals("refused later")) {
                // not done at send time: the broker's answer comes with the acknowledgement
                CompletableFuture<RecordMetadata> f = new CompletableFuture<>();
                CompletableFuture.runAsync(() -> f.completeExceptionally(
                        new org.apache.kafka.common.InvalidRecordException("broker says no")));
                return new Future<>() {
                    public boolean cancel(boolean b) {
                        return false;
                    }

                    public boolean isCancelled() {
                        return false;
                    }

                    public boolean isDone() {
                        return false;
                    }

                    public RecordMetadata get() throws InterruptedException, java.util.concurrent.ExecutionException {
                        return f.get();
                    }

                    public RecordMetadata get(long t, java.util.concurrent.TimeUnit u)
                            throws InterruptedException, java.util.concurrent.ExecutionException,
                            java.util.concurrent.TimeoutException {
                        return f.get(t, u);
                    }
                };
            }
            return broker(Map.of()).apply(record);
        };

        RelayPass.Outcome outcome = RelayPass.run(List.of(refused, other), send, 1000, NOW);

        assertThat(outcome.parked()).containsExactly(refused);
        assertThat(refused.parkedError).contains("broker says no");
        assertThat(other.state()).isEqualTo("PUBLISHED");
        assertThat(outcome.stoppedAt()).isNull();
    }
}
