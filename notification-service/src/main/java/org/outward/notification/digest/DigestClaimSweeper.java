package org.outward.notification.digest;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.Set;
import org.bson.Document;
import org.outward.notification.delivery.EmailOutbox;
import org.outward.notification.delivery.EmailStatus;
import org.outward.platform.lifecycle.BackgroundLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Keeps claims from hiding items for good. Every {@code outward.digest.claim-sweep-interval}:
 * <ul>
 * <li>a FAILED email whose items were not given back yet (its sender died in between) gives them back now;</li>
 * <li>a claim older than {@code outward.digest.orphaned-claims-after} is checked once: its email exists (the claim is
 * confirmed, {@code ok: true}), or a digest window is still being worked on under its key (left for later), or
 * neither: the consumer that claimed it never queued the email (its record went to the dead-letter topic), so the
 * claim is released and the item can reach the person again.</li>
 * </ul>
 */
@Component
class DigestClaimSweeper extends BackgroundLoop {

    private static final Logger log = LoggerFactory.getLogger(DigestClaimSweeper.class);
    private static final int BATCH = 5_000;

    private final MongoTemplate mongo;
    private final DigestReturns returns;
    private final DigestSchedule schedule;
    private final DigestProperties properties;
    private final Clock clock;

    DigestClaimSweeper(MongoTemplate mongo, DigestReturns returns, DigestSchedule schedule,
            DigestProperties properties, Clock clock) {
        super("digest-claim-sweeper", 1);
        this.mongo = mongo;
        this.returns = returns;
        this.schedule = schedule;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    protected Duration initialDelay() {
        return properties.claimSweepInterval();
    }

    @Override
    protected Duration runOnce() {
        sweep();
        return properties.claimSweepInterval();
    }

    @Override
    protected Duration pauseAfterFailure() {
        return properties.claimSweepInterval();
    }

    /** @return claims released as orphans */
    long sweep() {
        Query failed = Query.query(Criteria.where("status").is(EmailStatus.FAILED.name())
                .and("claimsReleased").exists(false));
        failed.fields().include("kind", "recipientId");
        for (Document email : mongo.find(failed, Document.class, EmailOutbox.COLLECTION)) {
            returns.failed(email.getString("_id"), email.getString("kind"), email.getString("recipientId"));
        }
        Date cutoff = Date.from(clock.instant().minus(properties.orphanedClaimsAfter()));
        Query unchecked = Query.query(Criteria.where("ok").exists(false).and("at").lt(cutoff)).limit(BATCH);
        unchecked.fields().include("e");
        Set<String> keys = new LinkedHashSet<>();
        for (Document claim : mongo.find(unchecked, Document.class, DigestClaims.COLLECTION)) {
            keys.add(claim.getString("e"));
        }
        long released = 0;
        for (String key : keys) {
            Query ofKey = Query.query(Criteria.where("e").is(key).and("ok").exists(false).and("at").lt(cutoff));
            if (mongo.exists(Query.query(Criteria.where("_id").is(key)), EmailOutbox.COLLECTION)) {
                mongo.updateMulti(ofKey, new Update().set("ok", true), DigestClaims.COLLECTION);
            } else if (!schedule.pending(key)) {
                long n = mongo.remove(ofKey, DigestClaims.COLLECTION).getDeletedCount();
                released += n;
                log.warn("released {} orphaned claims of email key={}: the email was never queued", n, key);
            }
        }
        return released;
    }
}
