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

    /** The inbox of the service's main consumer group. */
    public static final String COLLECTION = "inbox";

    private final MongoTemplate mongo;
    private final Clock clock;
    private final String collection;

    public Inbox(MongoTemplate mongo, Clock clock) {
        this(mongo, clock, COLLECTION);
    }

    private Inbox(MongoTemplate mongo, Clock clock, String collection) {
        this.mongo = mongo;
        this.clock = clock;
        this.collection = collection;
    }

    /**
     * The inbox of another consumer (group) of the same service, kept apart: two groups reading one topic must
     * each process every event, so one may not skip an event because the other has seen it.
     */
    public Inbox named(String consumer) {
        return new Inbox(mongo, clock, COLLECTION + "." + consumer);
    }

    public boolean seen(EventEnvelope envelope) {
        return mongo.exists(Query.query(Criteria.where("_id").is(envelope.id().toString())), collection);
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
            mongo.insert(document, collection);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }
}
