package org.outward.notification.delivery;

import org.bson.Document;

/** An email a sender owns until its lease ends; {@code attempts} includes the one now being made. */
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
        String calendar) {

    static ClaimedEmail fromDocument(Document doc) {
        return new ClaimedEmail(doc.getString("_id"), doc.getString("kind"), doc.getString("recipientId"),
                doc.getString("to"), doc.getString("toName"), doc.getString("subject"), doc.getString("text"),
                doc.getString("html"), doc.getString("correlationId"), doc.getInteger("attempts", 0),
                doc.getString("claimToken"), doc.getString("listUnsubscribe"), doc.getString("calendar"));
    }
}
