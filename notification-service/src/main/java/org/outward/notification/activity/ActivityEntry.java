package org.outward.notification.activity;

import java.time.Instant;

/** One event this service has processed, as its inbox remembers it. */
public record ActivityEntry(
        String eventId,
        String type,
        int version,
        String subject,
        String source,
        String topic,
        String correlationId,
        Instant occurredAt,
        Instant processedAt) {
}
