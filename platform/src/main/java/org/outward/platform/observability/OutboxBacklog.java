package org.outward.platform.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.outward.platform.outbox.OutboxEntry;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * How many events wait in the outbox arrays of each collection, and how old the oldest is: the first sign of a
 * relay that cannot reach Kafka. {@code outward_outbox_backlog{collection}} and
 * {@code outward_outbox_oldest_age_seconds{collection}}. Measured on scrape, at most once per
 * {@code maxStaleness} per collection, reading only the entries' timestamps of documents that hold any.
 */
public class OutboxBacklog implements MeterBinder {

    /** Documents read per measurement: a backlog beyond this is reported as at least this large. */
    private static final int MAX_DOCUMENTS = 10_000;

    private final MongoTemplate mongo;
    private final List<String> collections;
    private final Clock clock;
    private final Duration maxStaleness;
    private final Map<String, Sample> samples = new ConcurrentHashMap<>();

    public OutboxBacklog(MongoTemplate mongo, List<String> collections, Clock clock, Duration maxStaleness) {
        this.mongo = mongo;
        this.collections = collections;
        this.clock = clock;
        this.maxStaleness = maxStaleness;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String collection : collections) {
            Gauge.builder("outward.outbox.backlog", () -> sample(collection).entries())
                    .description("Events waiting in the outbox to be published to Kafka")
                    .tag("collection", collection)
                    .register(registry);
            Gauge.builder("outward.outbox.oldest.age", () -> sample(collection).oldestAgeSeconds())
                    .description("Age of the oldest event waiting in the outbox (0 when none waits)")
                    .tag("collection", collection).baseUnit("seconds")
                    .register(registry);
        }
    }

    /** Measures now (or returns a measurement younger than the staleness bound). */
    public Sample sample(String collection) {
        Instant now = clock.instant();
        return samples.compute(collection, (name, previous) ->
                previous != null && previous.at().plus(maxStaleness).isAfter(now) ? previous : measure(name, now));
    }

    private Sample measure(String collection, Instant now) {
        Query pending = new Query(Criteria.where(OutboxEntry.FIELD + ".0").exists(true)).limit(MAX_DOCUMENTS);
        pending.fields().include(OutboxEntry.FIELD + ".createdAt");
        long entries = 0;
        Instant oldest = null;
        for (Document document : mongo.find(pending, Document.class, collection)) {
            for (Document entry : document.getList(OutboxEntry.FIELD, Document.class, List.of())) {
                entries++;
                Date createdAt = entry.getDate("createdAt");
                if (createdAt != null && (oldest == null || createdAt.toInstant().isBefore(oldest))) {
                    oldest = createdAt.toInstant();
                }
            }
        }
        double age = oldest == null ? 0 : Math.max(0, Duration.between(oldest, now).toMillis() / 1000.0);
        return new Sample(now, entries, age);
    }

    public record Sample(Instant at, long entries, double oldestAgeSeconds) {
    }
}
