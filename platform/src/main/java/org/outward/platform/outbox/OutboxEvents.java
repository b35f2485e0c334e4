package org.outward.platform.outbox;

import java.util.List;
import org.bson.Document;
import org.outward.contracts.EventCodec;
import org.outward.contracts.EventEnvelope;
import org.outward.contracts.EventType;
import org.outward.platform.observability.TraceContexts;
import org.outward.platform.web.RequestIds;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Turns a domain change into outbox entries and attaches them to the very write that records the
 * change: {@link #attach(Document, List)} for inserts, {@link #push(Update, List)} for updates.
 */
public class OutboxEvents {

    private final EventCodec codec;
    private final String source;
    private final TraceContexts traces;

    public OutboxEvents(EventCodec codec, String source) {
        this(codec, source, TraceContexts.none());
    }

    public OutboxEvents(EventCodec codec, String source, TraceContexts traces) {
        this.codec = codec;
        this.source = source;
        this.traces = traces;
    }

    /** A new event about {@code subject}, tagged with the current request id and trace context. */
    public <T extends Record> OutboxEntry entry(EventType<T> type, String subject, T payload) {
        EventEnvelope envelope = codec.envelope(type, source, subject, RequestIds.current(), payload);
        return new OutboxEntry(envelope.id().toString(), type.topic(), subject, type.qualifiedName(),
                codec.encode(envelope), envelope.occurredAt(), envelope.correlationId(), traces.current());
    }

    /** Adds the entries to a document about to be inserted. */
    public static Document attach(Document document, List<OutboxEntry> entries) {
        document.put(OutboxEntry.FIELD, entries.stream().map(OutboxEvents::toDocument).toList());
        return document;
    }

    /** Adds the entries to an update, so they are appended in the same atomic write. */
    public static Update push(Update update, List<OutboxEntry> entries) {
        if (!entries.isEmpty()) {
            update.push(OutboxEntry.FIELD).each(entries.stream().map(OutboxEvents::toDocument).toArray());
        }
        return update;
    }

    static Document toDocument(OutboxEntry entry) {
        return new Document("id", entry.id())
                .append("topic", entry.topic())
                .append("key", entry.key())
                .append("type", entry.type())
                .append("payload", entry.payload())
                .append("createdAt", java.util.Date.from(entry.createdAt()))
                .append("correlationId", entry.correlationId())
                .append(TraceContexts.TRACEPARENT, entry.traceparent());
    }

    static OutboxEntry fromDocument(Document document) {
        return new OutboxEntry(document.getString("id"), document.getString("topic"), document.getString("key"),
                document.getString("type"), document.getString("payload"),
                document.getDate("createdAt").toInstant(), document.getString("correlationId"),
                document.getString(TraceContexts.TRACEPARENT));
    }
}
