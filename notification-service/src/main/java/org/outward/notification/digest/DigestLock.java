package org.outward.notification.digest;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * A lease lock in MongoDB ({@value #COLLECTION}): one document per lock, taken with one atomic
 * findAndModify when it is free, expired or already ours. A crashed holder blocks others only until its
 * lease ends. The lock keeps two instances from doing the same work; correctness does not rest on it
 * (each digest window is claimed by a compare-and-set of its own).
 */
@Component
public class DigestLock {

    public static final String COLLECTION = "locks";

    private final MongoTemplate mongo;
    private final Clock clock;

    public DigestLock(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public boolean acquire(String name, String owner, Duration lease) {
        Date now = Date.from(clock.instant());
        Query free = Query.query(Criteria.where("_id").is(name).orOperator(
                Criteria.where("until").lte(now), Criteria.where("owner").is(owner)));
        Update take = new Update().set("owner", owner).set("until", Date.from(clock.instant().plus(lease)))
                .set("takenAt", now);
        try {
            Document doc = mongo.findAndModify(free, take, FindAndModifyOptions.options().upsert(true).returnNew(true),
                    Document.class, COLLECTION);
            return doc != null && owner.equals(doc.getString("owner"));
        } catch (DuplicateKeyException e) {
            return false; // held by someone else: the upsert tried to insert a second document
        }
    }

    public void release(String name, String owner) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(name).and("owner").is(owner)),
                new Update().set("until", Date.from(clock.instant())), COLLECTION);
    }
}
