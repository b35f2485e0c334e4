package org.outward.notification.delivery;

import java.time.Instant;

/**
 * One line of the delivery log: an email's envelope and fate, never its body. {@code inDoubt}: handed to the SMTP
 * server but its answer never came back, counted as sent and never sent again.
 */
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
        Instant sentAt,
        boolean inDoubt) {
}
