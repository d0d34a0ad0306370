package io.sovereign.kit.outbox;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.UnknownProducerIdException;
import org.apache.kafka.common.errors.UnsupportedVersionException;

/**
 * What the relay does with an event Kafka did not take. The rule, in this order:
 * <ol>
 * <li>A timeout waiting for the acknowledgement, or any {@link RetriableException} (broker down,
 * request or delivery timeout, not enough replicas, leader moving, unknown topic while metadata
 * catches up): {@link #RETRY_IN_ORDER}. Kafka itself says trying again can succeed.</li>
 * <li>Errors about the producer, the connection or its permissions rather than the record
 * (authentication, authorization, a fenced or out-of-sequence producer, an unsupported version, an
 * interrupted or closed producer): {@link #RETRY_IN_ORDER}. Every event would fail alike, so none
 * is singled out; the operator fixes the configuration and the relay resumes where it stopped.</li>
 * <li>{@link SerializationException} and every other non-retriable {@link ApiException} Kafka
 * reports for a record ({@code RecordTooLargeException}, {@code RecordBatchTooLargeException},
 * {@code InvalidRecordException}, {@code InvalidTopicException}, a policy violation...):
 * {@link #PARK}. The same bytes will be refused again however often they are sent.</li>
 * <li>Anything else (an unexpected runtime exception): {@link #RETRY_IN_ORDER}, because an event is
 * never skipped on a guess.</li>
 * </ol>
 */
public enum SendFailure {
    /** Stop the batch here and send this event again, in order, at the next run. */
    RETRY_IN_ORDER,
    /** The record itself is refused for good: park it, hold back its key, go on with other keys. */
    PARK;

    public static SendFailure classify(Throwable failure) {
        Throwable e = unwrap(failure);
        if (e instanceof TimeoutException || e instanceof RetriableException) {
            return RETRY_IN_ORDER;
        }
        if (e instanceof AuthenticationException || e instanceof AuthorizationException
                || e instanceof ProducerFencedException || e instanceof OutOfOrderSequenceException
                || e instanceof UnknownProducerIdException || e instanceof InvalidProducerEpochException
                || e instanceof UnsupportedVersionException || e instanceof InterruptException) {
            return RETRY_IN_ORDER;
        }
        if (e instanceof SerializationException || e instanceof ApiException) {
            return PARK;
        }
        return RETRY_IN_ORDER;
    }

    /** The exception Kafka reported, without the future's wrapping. */
    static Throwable unwrap(Throwable failure) {
        Throwable e = failure;
        while ((e instanceof ExecutionException || e instanceof CompletionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }
}
