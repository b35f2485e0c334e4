package org.outward.platform.deadletter;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * This service's dead letters, one document per dead-lettered record in {@value #COLLECTION}, kept with its value
 * and headers so that it can be replayed after a fix. The number of open ones is the gauge {@value #METRIC}.
 */
public class DeadLetters {

    public static final String COLLECTION = "dead_letters";
    public static final String METRIC = "outward.dead.letters";

    private final MongoTemplate mongo;
    private final Clock clock;
    private final AtomicLong open = new AtomicLong();

    public DeadLetters(MongoTemplate mongo, Clock clock, MeterRegistry meters) {
        this.mongo = mongo;
        this.clock = clock;
        Gauge.builder(METRIC, open, AtomicLong::get).tag("status", DeadLetter.OPEN)
                .description("Records this service dead-lettered and nobody replayed yet").register(meters);
    }

    /** Stores it unless known already (the recorder may see a record twice); true when new. */
    public boolean record(String id, String topic, int partition, long offset, String key, String group,
            String reason, String value, Map<String, String> headers) {
        Update update = new Update()
                .setOnInsert("topic", topic).setOnInsert("partition", partition).setOnInsert("offset", offset)
                .setOnInsert("key", key).setOnInsert("group", group).setOnInsert("reason", reason)
                .setOnInsert("value", value).setOnInsert("headers", headers.entrySet().stream()
                        .map(h -> new Document("k", h.getKey()).append("v", h.getValue())).toList())
                .setOnInsert("status", DeadLetter.OPEN).setOnInsert("firstSeen", Date.from(clock.instant()))
                .setOnInsert("replays", 0);
        boolean inserted = mongo.upsert(Query.query(Criteria.where("_id").is(id)), update, COLLECTION)
                .getUpsertedId() != null;
        refresh();
        return inserted;
    }

    public List<DeadLetter> list(String status, String topic, int page, int size) {
        Query query = query(status, topic).with(Sort.by(Sort.Order.desc("firstSeen"), Sort.Order.asc("_id")))
                .skip((long) page * size).limit(size);
        return mongo.find(query, Document.class, COLLECTION).stream().map(DeadLetter::fromDocument).toList();
    }

    public long count(String status) {
        return count(status, null);
    }

    public long count(String status, String topic) {
        return mongo.count(query(status, topic), COLLECTION);
    }

    Optional<Document> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Document.class, COLLECTION));
    }

    List<Document> open(String topic, int limit) {
        return mongo.find(query(DeadLetter.OPEN, topic).with(Sort.by("firstSeen", "_id")).limit(limit), Document.class,
                COLLECTION);
    }

    void markReplayed(String id) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update()
                .set("status", DeadLetter.REPLAYED).set("replayedAt", Date.from(clock.instant())).inc("replays", 1),
                COLLECTION);
        refresh();
    }

    /** Counts the open ones again (also for the gauge). */
    public long refresh() {
        long n = count(DeadLetter.OPEN);
        open.set(n);
        return n;
    }

    private static Query query(String status, String topic) {
        Criteria criteria = new Criteria();
        if (status != null && !status.isBlank() && !status.equals("all")) {
            criteria = criteria.and("status").is(status);
        }
        if (topic != null && !topic.isBlank()) {
            criteria = criteria.and("topic").is(topic);
        }
        return new Query(criteria);
    }
}
