package org.outward.notification.digest;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.outward.notification.delivery.EmailOutbox;
import org.outward.notification.delivery.FailedEmailListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Items given back by an email that ended FAILED, so they are not lost to the person: the email's claims are
 * released, and a digest's items are noted in {@value #COLLECTION} ({@code _id = <memberId>|<itemId>}) to be offered
 * to that person's next digest whenever they were received (the next window's own time range may not reach back to
 * them). An immediate notice's item is only released: the person chose not to get that kind in a digest.
 *
 * <p>Order, so that a crash anywhere loses nothing: note the returns, delete the claims, then mark the email
 * {@code claimsReleased}; the claim sweeper repeats all of it for FAILED emails not yet marked.
 */
@Component
public class DigestReturns implements FailedEmailListener {

    public static final String COLLECTION = "digest_returns";

    private static final Logger log = LoggerFactory.getLogger(DigestReturns.class);

    private final MongoTemplate mongo;
    private final Clock clock;

    public DigestReturns(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @Override
    public void failed(String key, String kind, String recipientId) {
        List<Document> claims = mongo.find(Query.query(Criteria.where("e").is(key)), Document.class,
                DigestClaims.COLLECTION);
        boolean digest = kind != null && kind.startsWith("digest-");
        Date now = Date.from(clock.instant());
        int returned = 0;
        for (Document claim : claims) {
            String id = claim.getString("_id");
            if (digest) {
                String item = id.substring(id.indexOf('|') + 1);
                mongo.upsert(Query.query(Criteria.where("_id").is(id)), new Update()
                        .setOnInsert("m", recipientId).setOnInsert("i", item).setOnInsert("at", now), COLLECTION);
                returned++;
            }
        }
        if (!claims.isEmpty()) {
            mongo.remove(Query.query(Criteria.where("e").is(key)), DigestClaims.COLLECTION);
        }
        mongo.updateFirst(Query.query(Criteria.where("_id").is(key)), new Update().set("claimsReleased", true),
                EmailOutbox.COLLECTION);
        log.info("failed email gave back its items key={} recipient={} released={} forNextDigest={}", key,
                recipientId, claims.size(), returned);
    }

    /** Every given back item, by member id (read once per digest run; normally empty). */
    Map<String, Set<String>> all() {
        Map<String, Set<String>> byMember = new HashMap<>();
        for (Document doc : mongo.findAll(Document.class, COLLECTION)) {
            byMember.computeIfAbsent(doc.getString("m"), m -> new HashSet<>()).add(doc.getString("i"));
        }
        return byMember;
    }

    /** Drops these given back items (member id to item ids), once offered to a window: one write. */
    void removeAll(Map<String, ? extends Collection<String>> itemsByMember) {
        List<String> ids = new ArrayList<>();
        itemsByMember.forEach((memberId, items) -> items.forEach(item -> ids.add(memberId + "|" + item)));
        if (!ids.isEmpty()) {
            mongo.remove(Query.query(Criteria.where("_id").in(ids)), COLLECTION);
        }
    }
}
