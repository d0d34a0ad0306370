package io.sovereign.kit.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * One pass of the relay over a batch of pending rows, in commit order (plain Java, no database):
 * sends them, then marks each one published, parked or, at the first failure worth retrying,
 * stops (that row and every later one are sent again next time, in order).
 *
 * <p>A parked row holds back the later rows of its topic and key in this batch: they are not sent,
 * and the next batches' query leaves them out until the parked one is retried or discarded.
 * Refusals the producer makes itself (a record above {@code max.request.size}, a serialization
 * error) come back before the next row is sent, so no later row of the key has left. A refusal the
 * broker sends back arrives after the rest of the batch was handed to the producer: a later row of
 * the same key in that same batch may already be on the topic; it is marked published as it is.
 */
final class RelayPass {

    private static final RecordHeader CONTENT_TYPE = new RecordHeader("content-type",
            "application/cloudevents+json; charset=UTF-8".getBytes(StandardCharsets.UTF_8));

    /**
     * What the pass did: rows published, rows parked (to log and count), rows held back, and the row
     * it stopped at to retry in order (null: it went through the whole batch).
     */
    record Outcome(int published, List<OutboxRecord> parked, int heldBack, OutboxRecord stoppedAt) {
    }

    private RelayPass() {
    }

    static Outcome run(List<OutboxRecord> pending, Function<ProducerRecord<String, String>, Future<RecordMetadata>> send,
            long ackTimeoutMs, Instant now) {
        Set<String> parkedKeys = new HashSet<>();
        List<OutboxRecord> parked = new ArrayList<>();
        List<OutboxRecord> sent = new ArrayList<>(pending.size());
        List<Future<RecordMetadata>> acks = new ArrayList<>(pending.size());
        int heldBack = 0;
        for (OutboxRecord row : pending) {
            if (parkedKeys.contains(row.orderingKey())) {
                heldBack++;
                continue;
            }
            Future<RecordMetadata> ack = sendOne(row, send);
            Throwable refused = refusedAtOnce(ack);
            if (refused != null && SendFailure.classify(refused) == SendFailure.PARK) {
                park(row, refused, now, parkedKeys, parked);
                continue;
            }
            sent.add(row);
            acks.add(ack);
            if (refused != null) {
                break; // worth retrying: later rows wait behind it, in order
            }
        }
        int published = 0;
        OutboxRecord stoppedAt = null;
        for (int i = 0; i < sent.size(); i++) {
            OutboxRecord row = sent.get(i);
            try {
                acks.get(i).get(ackTimeoutMs, TimeUnit.MILLISECONDS);
                row.publishedAt = now;
                published++;
            } catch (ExecutionException | TimeoutException e) {
                Throwable cause = SendFailure.unwrap(e);
                if (SendFailure.classify(cause) == SendFailure.PARK) {
                    park(row, cause, now, parkedKeys, parked);
                    continue;
                }
                row.attempts++;
                row.lastError = truncate(String.valueOf(cause));
                stoppedAt = row;
                break;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stoppedAt = row;
                break;
            }
        }
        return new Outcome(published, parked, heldBack, stoppedAt);
    }

    private static Future<RecordMetadata> sendOne(OutboxRecord row,
            Function<ProducerRecord<String, String>, Future<RecordMetadata>> send) {
        ProducerRecord<String, String> record = new ProducerRecord<>(row.topic, row.recordKey, row.payload);
        record.headers().add(CONTENT_TYPE);
        try {
            return send.apply(record);
        } catch (RuntimeException e) {
            // KafkaProducer throws some refusals (a SerializationException) instead of failing the future
            return CompletableFuture.failedFuture(e);
        }
    }

    /** The failure of a send the producer refused before it left (its future already failed), else null. */
    private static Throwable refusedAtOnce(Future<RecordMetadata> ack) {
        if (!ack.isDone()) {
            return null;
        }
        try {
            ack.get();
            return null;
        } catch (ExecutionException e) {
            return SendFailure.unwrap(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        } catch (RuntimeException e) {
            return e;
        }
    }

    private static void park(OutboxRecord row, Throwable cause, Instant now, Set<String> parkedKeys,
            List<OutboxRecord> parked) {
        row.attempts++;
        row.lastError = truncate(String.valueOf(cause));
        row.parkedAt = now;
        row.parkedError = row.lastError;
        parkedKeys.add(row.orderingKey());
        parked.add(row);
    }

    static String truncate(String s) {
        return s.length() <= 1000 ? s : s.substring(0, 1000);
    }
}
