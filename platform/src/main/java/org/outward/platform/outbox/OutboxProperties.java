package org.outward.platform.outbox;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param collections  MongoDB collections whose documents may hold pending events
 * @param pollInterval how often the relay looks for pending events
 * @param sendTimeout  how long one send may wait for Kafka's acknowledgement
 * @param maxBackoff   the longest pause between tries while Kafka is unreachable
 * @param batchSize    documents read per collection per pass
 */
@ConfigurationProperties("outward.outbox")
public record OutboxProperties(
        List<String> collections,
        Duration pollInterval,
        Duration sendTimeout,
        Duration maxBackoff,
        Integer batchSize) {

    public OutboxProperties {
        collections = collections == null ? List.of() : List.copyOf(collections);
        pollInterval = pollInterval == null ? Duration.ofMillis(200) : pollInterval;
        sendTimeout = sendTimeout == null ? Duration.ofSeconds(10) : sendTimeout;
        maxBackoff = maxBackoff == null ? Duration.ofSeconds(10) : maxBackoff;
        batchSize = batchSize == null ? 100 : batchSize;
    }
}
