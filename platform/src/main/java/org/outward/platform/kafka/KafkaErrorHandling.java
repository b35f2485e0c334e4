package org.outward.platform.kafka;

import java.time.Duration;
import org.apache.kafka.common.TopicPartition;
import org.outward.contracts.InvalidEventException;
import org.outward.contracts.Topics;
import org.springframework.kafka.core.KafkaOperations;
import org.outward.platform.observability.EventMetrics;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
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
        return errorHandler(template, maxElapsed, EventMetrics.none());
    }

    /** The same, counting retries and dead-lettered records per topic. */
    public static DefaultErrorHandler errorHandler(KafkaOperations<?, ?> template, Duration maxElapsed,
            EventMetrics metrics) {
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(template,
                (record, exception) -> new TopicPartition(record.topic() + Topics.DEAD_LETTER_SUFFIX, -1));
        ConsumerRecordRecoverer recoverer = (record, exception) -> {
            deadLetters.accept(record, exception);
            metrics.deadLettered(record.topic(), invalid(exception) ? "invalid" : "exhausted");
        };
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxInterval(5_000);
        backOff.setMaxElapsedTime(maxElapsed.toMillis());
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(InvalidEventException.class);
        handler.setRetryListeners((record, exception, deliveryAttempt) -> {
            if (!invalid(exception)) {
                metrics.retried(record.topic());
            }
        });
        return handler;
    }

    private static boolean invalid(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidEventException) {
                return true;
            }
        }
        return false;
    }
}
