package org.outward.notification.delivery;

import java.time.Instant;

/** One line of the delivery log: an email's envelope and fate, never its body. */
public record Delivery(
        String key,
        String kind,
        String recipientId,
        String to,
        String subject,
        EmailStatus status,
        int attempts,
        String lastError,
        Instant createdAt,
        Instant nextAttemptAt,
        Instant sentAt) {
}
