package org.outward.platform.retention;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param sweepInterval  how often the sweeper deletes what is past its retention
 * @param inbox          how long a processed event id is remembered for dedupe
 * @param kafkaRetention how long the brokers keep records ({@code log.retention.*}, Kafka's default 7 days): a
 *                       record can be delivered again for as long as it is in its topic (a consumer group's offsets
 *                       reset, a replay), so the inbox must remember its id longer than that
 */
@ConfigurationProperties("outward.retention")
public record RetentionProperties(Duration sweepInterval, Duration inbox, Duration kafkaRetention) {

    public RetentionProperties {
        sweepInterval = sweepInterval == null ? Duration.ofHours(1) : sweepInterval;
        inbox = inbox == null ? Duration.ofDays(30) : inbox;
        kafkaRetention = kafkaRetention == null ? Duration.ofDays(7) : kafkaRetention;
        if (inbox.compareTo(kafkaRetention.plusDays(1)) < 0) {
            throw new IllegalArgumentException("outward.retention.inbox (" + inbox + ") must be at least a day longer "
                    + "than the brokers' record retention outward.retention.kafka-retention (" + kafkaRetention
                    + "): a record still in its topic can be delivered again and must be recognised");
        }
    }
}
