package org.outward.platform.inbox;

import java.time.Clock;
import java.util.Date;
import org.bson.Document;
import org.outward.contracts.EventEnvelope;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The events this service has processed, keyed by event id ({@code _id}, so uniqueness is enforced
 * by MongoDB itself). Kafka delivers at least once; a consumer asks {@link #seen} first and calls
 * {@link #record} after its own (idempotent) work, so a redelivered event is skipped and an event
 * whose processing failed half-way is processed again.
 */
public class Inbox {

    public static final String COLLECTION = "inbox";

    private final MongoTemplate mongo;
    private final Clock clock;

    public Inbox(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public boolean seen(EventEnvelope envelope) {
        return mongo.exists(Query.query(Criteria.where("_id").is(envelope.id().toString())), COLLECTION);
    }

    /** Records the event; returns false when it had been recorded already. */
    public boolean record(EventEnvelope envelope, String topic) {
        Document document = new Document("_id", envelope.id().toString())
                .append("type", envelope.type())
                .append("version", envelope.version())
                .append("subject", envelope.subject())
                .append("source", envelope.source())
                .append("topic", topic)
                .append("correlationId", envelope.correlationId())
                .append("occurredAt", Date.from(envelope.occurredAt()))
                .append("processedAt", Date.from(clock.instant()));
        try {
            mongo.insert(document, COLLECTION);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }
}
