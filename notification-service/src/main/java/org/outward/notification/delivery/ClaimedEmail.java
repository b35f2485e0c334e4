package org.outward.notification.delivery;

import java.time.Instant;
import org.bson.Document;
import org.outward.platform.observability.TraceContexts;

/**
 * An email a sender owns until {@code leaseUntil} (renewed while it works through a batch); {@code attempts}
 * includes the one now being made; {@code claimToken} is what every write of the owner checks; {@code traceparent}
 * is the trace context of the event that queued it, or null.
 */
public record ClaimedEmail(
        String key,
        String kind,
        String recipientId,
        String to,
        String toName,
        String subject,
        String text,
        String html,
        String correlationId,
        int attempts,
        String claimToken,
        String listUnsubscribe,
        Instant leaseUntil,
        String traceparent,
        String calendar) {

    static ClaimedEmail fromDocument(Document doc) {
        java.util.Date lease = doc.getDate("leaseUntil");
        return new ClaimedEmail(doc.getString("_id"), doc.getString("kind"), doc.getString("recipientId"),
                doc.getString("to"), doc.getString("toName"), doc.getString("subject"), doc.getString("text"),
                doc.getString("html"), doc.getString("correlationId"), doc.getInteger("attempts", 0),
                doc.getString("claimToken"), doc.getString("listUnsubscribe"),
                lease == null ? Instant.EPOCH : lease.toInstant(), doc.getString(TraceContexts.TRACEPARENT),
                doc.getString("calendar"));
    }

    ClaimedEmail withLeaseUntil(Instant until) {
        return new ClaimedEmail(key, kind, recipientId, to, toName, subject, text, html, correlationId, attempts,
                claimToken, listUnsubscribe, until, traceparent, calendar);
    }
}
