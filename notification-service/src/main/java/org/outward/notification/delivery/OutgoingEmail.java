package org.outward.notification.delivery;

import java.util.Objects;

/**
 * A rendered email handed to the outbox by a feature that decided to send it.
 *
 * @param key           idempotency key, unique per (cause, recipient): the same key is never sent twice
 * @param kind          what sort of email, for example {@code webinar-published}; later also digests
 * @param recipientId   the roster member id
 * @param to            the address
 * @param toName        the display name, may be null
 * @param correlationId request id of the cause, for following a request to its emails
 * @param causeEventId  id of the event that caused it, may be null
 * @param listUnsubscribe value of the List-Unsubscribe header (RFC 8058 one-click is announced with it), or null
 * @param calendar      an iCalendar (RFC 5545) file sent along as the invitation part, or null
 */
public record OutgoingEmail(
        String key,
        String kind,
        String recipientId,
        String to,
        String toName,
        String subject,
        String text,
        String html,
        String correlationId,
        String causeEventId,
        String listUnsubscribe,
        String calendar) {

    public OutgoingEmail(String key, String kind, String recipientId, String to, String toName, String subject,
            String text, String html, String correlationId, String causeEventId) {
        this(key, kind, recipientId, to, toName, subject, text, html, correlationId, causeEventId, null, null);
    }

    public OutgoingEmail(String key, String kind, String recipientId, String to, String toName, String subject,
            String text, String html, String correlationId, String causeEventId, String listUnsubscribe) {
        this(key, kind, recipientId, to, toName, subject, text, html, correlationId, causeEventId, listUnsubscribe,
                null);
    }

    public OutgoingEmail {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(html, "html");
    }
}
