package org.outward.platform.kafka;

import java.time.Duration;
import org.apache.kafka.common.TopicPartition;
import org.outward.contracts.InvalidEventException;
import org.outward.contracts.Topics;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * What happens when a listener throws. A poison record ({@link InvalidEventException}) goes to
 * {@code <topic>.DLT} at once, with the reason in the {@code kafka_dlt-exception-*} headers; any
 * other failure (MongoDB briefly away, say) is retried with exponential backoff, and only after the
 * retries run out is the record dead-lettered. Either way the consumer goes on with the next record.
 */
public final class KafkaErrorHandling {

    private KafkaErrorHandling() {
    }

    public static DefaultErrorHandler errorHandler(KafkaOperations<?, ?> template, Duration maxElapsed) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
                (record, exception) -> new TopicPartition(record.topic() + Topics.DEAD_LETTER_SUFFIX, -1));
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxInterval(5_000);
        backOff.setMaxElapsedTime(maxElapsed.toMillis());
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(InvalidEventException.class);
        return handler;
    }
}
