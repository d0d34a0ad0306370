package io.sovereign.kit.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.NetworkException;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.junit.jupiter.api.Test;

class SendFailureTest {

    @Test
    void recordsKafkaRefusesForGoodAreParked() {
        assertThat(SendFailure.classify(new RecordTooLargeException("55556924 bytes"))).isEqualTo(SendFailure.PARK);
        assertThat(SendFailure.classify(new RecordBatchTooLargeException("batch"))).isEqualTo(SendFailure.PARK);
        assertThat(SendFailure.classify(new InvalidRecordException("invalid"))).isEqualTo(SendFailure.PARK);
        assertThat(SendFailure.classify(new SerializationException("not serializable"))).isEqualTo(SendFailure.PARK);
        assertThat(SendFailure.classify(new InvalidTopicException("bad topic"))).isEqualTo(SendFailure.PARK);
    }

    @Test
    void theFutureWrappingIsLookedThrough() {
        assertThat(SendFailure.classify(new ExecutionException(new RecordTooLargeException("big"))))
                .isEqualTo(SendFailure.PARK);
        assertThat(SendFailure.classify(new ExecutionException(new TimeoutException("expired"))))
                .isEqualTo(SendFailure.RETRY_IN_ORDER);
    }

    @Test
    void whatRetryingCanCureIsRetriedInOrder() {
        assertThat(SendFailure.classify(new TimeoutException("Expiring 1 record(s): 15000 ms has passed")))
                .isEqualTo(SendFailure.RETRY_IN_ORDER);
        assertThat(SendFailure.classify(new java.util.concurrent.TimeoutException())).isEqualTo(SendFailure.RETRY_IN_ORDER);
        assertThat(SendFailure.classify(new NetworkException("broker down"))).isEqualTo(SendFailure.RETRY_IN_ORDER);
        assertThat(SendFailure.classify(new NotEnoughReplicasException("isr"))).isEqualTo(SendFailure.RETRY_IN_ORDER);
        assertThat(SendFailure.classify(new NotLeaderOrFollowerException("moving"))).isEqualTo(SendFailure.RETRY_IN_ORDER);
        assertThat(SendFailure.classify(new UnknownTopicOrPartitionException("metadata"))).isEqualTo(SendFailure.RETRY_IN_ORDER);
    }

    @Test
    void failuresOfTheProducerOrItsPermissionsParkNothing() {
        // every event would fail alike: the relay waits for the configuration to be fixed, in order
        assertThat(SendFailure.classify(new TopicAuthorizationException("denied"))).isEqualTo(SendFailure.RETRY_IN_ORDER);
        assertThat(SendFailure.classify(new SaslAuthenticationException("bad password"))).isEqualTo(SendFailure.RETRY_IN_ORDER);
        assertThat(SendFailure.classify(new IllegalStateException("producer closed"))).isEqualTo(SendFailure.RETRY_IN_ORDER);
    }
}
