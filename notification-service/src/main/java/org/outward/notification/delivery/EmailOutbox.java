package org.outward.notification.delivery;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.InsertManyOptions;
import jakarta.annotation.PostConstruct;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.bson.Document;
import org.outward.platform.observability.TraceContexts;
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
 *
 * <p>Fencing: right before the SMTP server takes an email (the final dot of DATA), its sender {@link #commit}s it:
 * a compare-and-set on the claim token that sets {@code committedAt}. Only the current owner can commit, and a
 * committed email is never claimed again. So however long a sender stalls and whoever re-claims meanwhile, at most
 * one sender ever writes the dot. A committed email whose sender died before recording the outcome (or got no
 * answer) is "in doubt": after its lease it is settled as SENT with {@code inDoubt: true}, never sent again.
 */
@Component
public class EmailOutbox {

    public static final String COLLECTION = "emails";

    private final MongoTemplate mongo;
    private final Clock clock;
    private final TraceContexts traces;

    public EmailOutbox(MongoTemplate mongo, Clock clock, TraceContexts traces) {
        this.mongo = mongo;
        this.clock = clock;
        this.traces = traces;
    }

    @PostConstruct
    void createIndexes() {
        // The sender's claim query, and the delivery log's filters.
        mongo.indexOps(COLLECTION).createIndex(new Index().on("status", Sort.Direction.ASC)
                .on("nextAttemptAt", Sort.Direction.ASC));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("recipientId", Sort.Direction.ASC));
        // createdAt (the log's order) has its TTL index from the retention rule (see RetentionConfiguration).
        // The claim token is the fence: every write of a sender finds its email by the token alone (unique while
        // the email is claimed, removed when it leaves SENDING). Sparse: most emails have none.
        mongo.indexOps(COLLECTION).createIndex(new Index().on("claimToken", Sort.Direction.ASC).unique().sparse()
                .named("claim_token"));
    }

    /** Queues the email for sending now; false when an email with this key exists already. */
    public boolean enqueue(OutgoingEmail email) {
        try {
            mongo.insert(document(email, Date.from(clock.instant())), COLLECTION);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /**
     * Queues these emails (distinct keys) in one unordered bulk insert; those whose key exists already are refused
     * by the unique {@code _id}, as by {@link #enqueue}.
     *
     * @return the keys newly queued
     */
    public Set<String> enqueueAll(List<OutgoingEmail> emails) {
        Set<String> queued = new HashSet<>();
        if (emails.isEmpty()) {
            return queued;
        }
        Date now = Date.from(clock.instant());
        List<Document> docs = new ArrayList<>(emails.size());
        for (OutgoingEmail email : emails) {
            docs.add(document(email, now));
        }
        Set<Integer> refused = new HashSet<>();
        try {
            mongo.getCollection(COLLECTION).insertMany(docs, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (error.getCode() != DUPLICATE_KEY) {
                    throw e;
                }
                refused.add(error.getIndex());
            }
        }
        for (int i = 0; i < emails.size(); i++) {
            if (!refused.contains(i)) {
                queued.add(emails.get(i).key());
            }
        }
        return queued;
    }

    private static final int DUPLICATE_KEY = 11000;

    private Document document(OutgoingEmail email, Date now) {
        return new Document("_id", email.key())
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
                .append("sentAt", null)
                .append(TraceContexts.TRACEPARENT, traces.current());
    }

    public boolean exists(String key) {
        return mongo.exists(Query.query(Criteria.where("_id").is(key)), COLLECTION);
    }

    /** Of these keys, those queued already (one query, ids only). */
    public Set<String> existing(Collection<String> keys) {
        Set<String> found = new HashSet<>();
        if (keys.isEmpty()) {
            return found;
        }
        Query query = Query.query(Criteria.where("_id").in(keys));
        query.fields().include("_id");
        for (Document doc : mongo.find(query, Document.class, COLLECTION)) {
            found.add(doc.getString("_id"));
        }
        return found;
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

    /** Due: PENDING and its time has come, or SENDING under an expired lease and never committed (its sender died). */
    private static Criteria dueCriteria(Date at) {
        return new Criteria().orOperator(
                Criteria.where("status").is(EmailStatus.PENDING.name()).and("nextAttemptAt").lte(at),
                Criteria.where("status").is(EmailStatus.SENDING.name()).and("leaseUntil").lte(at)
                        .and("committedAt").exists(false));
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
     * Extends the lease of an email still owned and not yet committed (a sender working through a long batch).
     *
     * @return the email with its new lease, or null when the claim was lost
     */
    public ClaimedEmail renew(ClaimedEmail email, Duration lease) {
        Instant until = clock.instant().plus(lease);
        boolean renewed = mongo.updateFirst(owned(email), new Update().set("leaseUntil", Date.from(until)),
                COLLECTION).getModifiedCount() == 1;
        return renewed ? email.withLeaseUntil(until) : null;
    }

    /**
     * The fence, asked right before the SMTP server takes the email: true when this sender still owns it, and then
     * no one else ever sends it. The lease is renewed too, so the email is not settled as in doubt while its
     * sender still waits for the server's answer.
     */
    public boolean commit(ClaimedEmail email, Duration lease) {
        Instant now = clock.instant();
        Update update = new Update().set("committedAt", Date.from(now)).set("leaseUntil", Date.from(now.plus(lease)));
        return mongo.updateFirst(owned(email), update, COLLECTION).getModifiedCount() == 1;
    }

    /**
     * Committed emails whose sender never recorded the outcome (it died, or got no answer from the server) within
     * the lease: SENT, marked in doubt. They may have been delivered, so sending them again could make a duplicate.
     *
     * @return how many were settled
     */
    public long settleInDoubt() {
        Date now = Date.from(clock.instant());
        Query stale = Query.query(Criteria.where("status").is(EmailStatus.SENDING.name())
                .and("committedAt").exists(true).and("leaseUntil").lte(now));
        Update update = new Update()
                .set("status", EmailStatus.SENT.name())
                .set("sentAt", now)
                .set("inDoubt", true)
                .set("lastError", "no outcome recorded after the server was handed the email: assumed delivered")
                .unset("leaseUntil")
                .unset("claimToken");
        return mongo.updateMulti(stale, update, COLLECTION).getModifiedCount();
    }

    /**
     * @param inDoubt the dot went out but the server's answer did not come back
     * @return false when the claim had been lost
     */
    public boolean markSent(ClaimedEmail email, boolean inDoubt) {
        Update update = new Update()
                .set("status", EmailStatus.SENT.name())
                .set("sentAt", Date.from(clock.instant()))
                .unset("leaseUntil")
                .unset("claimToken");
        if (inDoubt) {
            update.set("inDoubt", true).set("lastError", "no answer after the final dot: assumed delivered");
        }
        return updateClaimed(email, update);
    }

    /** Back to PENDING, due again after {@code wait}. */
    public boolean markForRetry(ClaimedEmail email, DeliveryFailure failure, Duration wait) {
        Update update = new Update()
                .set("status", EmailStatus.PENDING.name())
                .set("nextAttemptAt", Date.from(clock.instant().plus(wait)))
                .set("lastError", failure.reason())
                .unset("leaseUntil")
                .unset("claimToken")
                .unset("committedAt");
        return updateClaimed(email, update);
    }

    public boolean markFailed(ClaimedEmail email, DeliveryFailure failure) {
        Update update = new Update()
                .set("status", EmailStatus.FAILED.name())
                .set("failedAt", Date.from(clock.instant()))
                .set("lastError", failure.reason())
                .unset("leaseUntil")
                .unset("claimToken")
                .unset("committedAt");
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
        return mongo.updateFirst(owned(email), update, COLLECTION).getModifiedCount() == 1;
    }

    /**
     * The email while this sender owns it: the token alone says it, as a claim sets a fresh one and every way out of
     * SENDING removes it (and one query key lets even the embedded test server use the index). Renewing and
     * committing after the commit are the owner's own repeats, harmless.
     */
    private static Query owned(ClaimedEmail email) {
        return Query.query(Criteria.where("claimToken").is(email.claimToken()));
    }
}
