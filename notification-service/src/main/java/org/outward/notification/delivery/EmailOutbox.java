package org.outward.notification.delivery;

import jakarta.annotation.PostConstruct;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The email outbox: one document per email in {@value #COLLECTION}, {@code _id} = idempotency key, so
 * enqueueing the same email again is refused by MongoDB itself. Every state change is one atomic
 * single-document write; the transitions out of SENDING are guarded by the claim token, so a sender
 * whose lease was taken over cannot overwrite the new owner's outcome.
 */
@Component
public class EmailOutbox {

    public static final String COLLECTION = "emails";

    private final MongoTemplate mongo;
    private final Clock clock;

    public EmailOutbox(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @PostConstruct
    void createIndexes() {
        // The sender's claim query, and the delivery log's filters and order.
        mongo.indexOps(COLLECTION).createIndex(new Index().on("status", Sort.Direction.ASC)
                .on("nextAttemptAt", Sort.Direction.ASC));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("recipientId", Sort.Direction.ASC));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("createdAt", Sort.Direction.DESC));
    }

    /** Queues the email for sending now; false when an email with this key exists already. */
    public boolean enqueue(OutgoingEmail email) {
        Date now = Date.from(clock.instant());
        Document doc = new Document("_id", email.key())
                .append("kind", email.kind())
                .append("recipientId", email.recipientId())
                .append("to", email.to())
                .append("toName", email.toName())
                .append("subject", email.subject())
                .append("text", email.text())
                .append("html", email.html())
                .append("correlationId", email.correlationId())
                .append("causeEventId", email.causeEventId())
                .append("listUnsubscribe", email.listUnsubscribe())
                .append("calendar", email.calendar())
                .append("status", EmailStatus.PENDING.name())
                .append("attempts", 0)
                .append("nextAttemptAt", now)
                .append("lastError", null)
                .append("createdAt", now)
                .append("sentAt", null);
        try {
            mongo.insert(doc, COLLECTION);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    public boolean exists(String key) {
        return mongo.exists(Query.query(Criteria.where("_id").is(key)), COLLECTION);
    }

    /**
     * Claims up to {@code max} due emails, most overdue first: one query lists the candidates' ids, then each is
     * taken by an atomic findAndModify on its {@code _id} that re-checks it is still due (another sender may
     * have taken it in between: then it is skipped). Cheaper than {@link #claimNext} per email, as the due-query
     * with its sort runs once per batch instead of once per email.
     */
    public java.util.List<ClaimedEmail> claimDue(Duration lease, int max) {
        Instant now = clock.instant();
        Date at = Date.from(now);
        Query due = new Query(dueCriteria(at)).with(Sort.by("nextAttemptAt", "_id")).limit(max);
        due.fields().include("_id");
        java.util.List<ClaimedEmail> claimed = new java.util.ArrayList<>();
        for (Document candidate : mongo.find(due, Document.class, COLLECTION)) {
            Query one = new Query(new Criteria().andOperator(Criteria.where("_id").is(candidate.get("_id")),
                    dueCriteria(at)));
            Document doc = mongo.findAndModify(one, claimUpdate(now, lease),
                    FindAndModifyOptions.options().returnNew(true), Document.class, COLLECTION);
            if (doc != null) {
                claimed.add(ClaimedEmail.fromDocument(doc));
            }
        }
        return claimed;
    }

    private static Criteria dueCriteria(Date at) {
        return new Criteria().orOperator(
                Criteria.where("status").is(EmailStatus.PENDING.name()).and("nextAttemptAt").lte(at),
                Criteria.where("status").is(EmailStatus.SENDING.name()).and("leaseUntil").lte(at));
    }

    private static Update claimUpdate(Instant now, Duration lease) {
        return new Update()
                .set("status", EmailStatus.SENDING.name())
                .set("leaseUntil", Date.from(now.plus(lease)))
                .set("claimToken", UUID.randomUUID().toString())
                .set("lastAttemptAt", Date.from(now))
                .inc("attempts", 1);
    }

    /**
     * Atomically takes the most overdue email that is PENDING and due, or SENDING with an expired lease
     * (its sender died mid-send), marks it SENDING under a fresh lease and counts the attempt.
     */
    public Optional<ClaimedEmail> claimNext(Duration lease) {
        Instant now = clock.instant();
        Date at = Date.from(now);
        Query due = new Query(new Criteria().orOperator(
                Criteria.where("status").is(EmailStatus.PENDING.name()).and("nextAttemptAt").lte(at),
                Criteria.where("status").is(EmailStatus.SENDING.name()).and("leaseUntil").lte(at)))
                .with(Sort.by("nextAttemptAt", "_id"));
        Update claim = new Update()
                .set("status", EmailStatus.SENDING.name())
                .set("leaseUntil", Date.from(now.plus(lease)))
                .set("claimToken", UUID.randomUUID().toString())
                .set("lastAttemptAt", at)
                .inc("attempts", 1);
        Document claimed = mongo.findAndModify(due, claim, FindAndModifyOptions.options().returnNew(true),
                Document.class, COLLECTION);
        return Optional.ofNullable(claimed).map(ClaimedEmail::fromDocument);
    }

    /** @return false when the claim had been lost (lease expired and taken over) */
    public boolean markSent(ClaimedEmail email) {
        Update update = new Update()
                .set("status", EmailStatus.SENT.name())
                .set("sentAt", Date.from(clock.instant()))
                .unset("leaseUntil")
                .unset("claimToken");
        return updateClaimed(email, update);
    }

    /** Back to PENDING, due again after {@code wait}. */
    public boolean markForRetry(ClaimedEmail email, DeliveryFailure failure, Duration wait) {
        Update update = new Update()
                .set("status", EmailStatus.PENDING.name())
                .set("nextAttemptAt", Date.from(clock.instant().plus(wait)))
                .set("lastError", failure.reason())
                .unset("leaseUntil")
                .unset("claimToken");
        return updateClaimed(email, update);
    }

    public boolean markFailed(ClaimedEmail email, DeliveryFailure failure) {
        Update update = new Update()
                .set("status", EmailStatus.FAILED.name())
                .set("failedAt", Date.from(clock.instant()))
                .set("lastError", failure.reason())
                .unset("leaseUntil")
                .unset("claimToken");
        return updateClaimed(email, update);
    }

    /** Not sent, and never will be: the recipient may no longer receive email. */
    public boolean markCancelled(ClaimedEmail email, String reason) {
        Update update = new Update()
                .set("status", EmailStatus.CANCELLED.name())
                .set("cancelledAt", Date.from(clock.instant()))
                .set("lastError", reason)
                .unset("leaseUntil")
                .unset("claimToken");
        return updateClaimed(email, update);
    }

    private boolean updateClaimed(ClaimedEmail email, Update update) {
        Query owned = Query.query(Criteria.where("_id").is(email.key())
                .and("status").is(EmailStatus.SENDING.name())
                .and("claimToken").is(email.claimToken()));
        return mongo.updateFirst(owned, update, COLLECTION).getModifiedCount() == 1;
    }
}
