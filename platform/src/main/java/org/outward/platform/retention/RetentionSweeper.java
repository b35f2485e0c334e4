package org.outward.platform.retention;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.outward.platform.lifecycle.BackgroundLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Enforces every {@link RetentionRule} of the service, every {@code outward.retention.sweep-interval}: makes sure
 * the collection has its TTL index (replacing a plain index on the same field) and deletes what is past its
 * retention; then runs the {@link RetentionTask}s. On a real MongoDB the TTL index alone would do; the sweep is what
 * works on the embedded wire server, which ignores TTL, and costs little where TTL already removed everything.
 */
public class RetentionSweeper extends BackgroundLoop {

    private static final Logger log = LoggerFactory.getLogger(RetentionSweeper.class);

    private final MongoTemplate mongo;
    private final List<RetentionRule> rules;
    private final List<RetentionTask> tasks;
    private final RetentionProperties properties;
    private final Clock clock;

    public RetentionSweeper(MongoTemplate mongo, List<RetentionRule> rules, List<RetentionTask> tasks,
            RetentionProperties properties, Clock clock) {
        super("retention-sweeper", 1);
        this.mongo = mongo;
        this.rules = rules;
        this.tasks = tasks;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    protected Duration initialDelay() {
        return Duration.ofSeconds(30);
    }

    @Override
    protected Duration runOnce() {
        sweep();
        return properties.sweepInterval();
    }

    @Override
    protected Duration pauseAfterFailure() {
        return properties.sweepInterval();
    }

    /** One sweep now; returns how many documents were removed or changed. */
    public long sweep() {
        Instant now = clock.instant();
        long total = 0;
        for (String name : mongo.getCollectionNames()) {
            for (RetentionRule rule : rules) {
                if (rule.covers(name)) {
                    ensureTtlIndex(name, rule);
                    long removed = mongo.remove(Query.query(Criteria.where(rule.field())
                            .lt(Date.from(now.minus(rule.keep())))), name).getDeletedCount();
                    if (removed > 0) {
                        log.info("retention removed={} collection={} olderThan={}", removed, name, rule.keep());
                    }
                    total += removed;
                }
            }
        }
        for (RetentionTask task : tasks) {
            long changed = task.run(now);
            if (changed > 0) {
                log.info("retention task={} changed={}", task.name(), changed);
            }
            total += changed;
        }
        return total;
    }

    /** A TTL index on the rule's field with its retention; a plain or differently timed one on the field goes. */
    void ensureTtlIndex(String collection, RetentionRule rule) {
        MongoCollection<Document> c = mongo.getCollection(collection);
        long seconds = rule.keep().toSeconds();
        for (Document index : c.listIndexes()) {
            Document key = index.get("key", Document.class);
            if (key != null && key.size() == 1 && key.containsKey(rule.field())) {
                Number expire = index.get("expireAfterSeconds", Number.class);
                if (expire != null && expire.longValue() == seconds) {
                    return;
                }
                c.dropIndex(index.getString("name"));
            }
        }
        Bson keys = rule.direction() == Sort.Direction.ASC ? Indexes.ascending(rule.field())
                : Indexes.descending(rule.field());
        c.createIndex(keys, new IndexOptions().name(rule.field() + "_ttl").expireAfter(seconds, TimeUnit.SECONDS));
    }
}
