package org.outward.notification.feed;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.outward.notification.preference.NewsKind;

/**
 * One piece of news that can go into emails. {@code receivedAt} is when this service stored it (its own
 * clock): digests are cut by it, never by the producer's time, so an event that arrives late still lands in
 * the next digest instead of a window already sent. {@code cohortId} null means program-wide (webinars).
 * {@code libraryId} is the library the news is about, if any. {@code withdrawn}: the note went private or
 * was deleted, the webinar was archived; such items are never rendered.
 */
public record FeedItem(
        String id,
        NewsKind kind,
        String cohortId,
        String libraryId,
        String title,
        Instant occurredAt,
        Instant receivedAt,
        boolean withdrawn,
        Document data) {

    public static FeedItem fromDocument(Document doc) {
        return new FeedItem(doc.getString("_id"), NewsKind.fromKey(doc.getString("kind")).orElseThrow(),
                doc.getString("cohortId"), doc.getString("libraryId"), doc.getString("title"),
                instant(doc.getDate("occurredAt")), instant(doc.getDate("receivedAt")),
                doc.getBoolean("withdrawn", false), doc.get("data", Document.class) == null ? new Document()
                        : doc.get("data", Document.class));
    }

    public String text(String field) {
        return data.getString(field);
    }

    @SuppressWarnings("unchecked")
    public List<String> list(String field) {
        Object value = data.get(field);
        return value instanceof List<?> list ? (List<String>) list : List.of();
    }

    static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
