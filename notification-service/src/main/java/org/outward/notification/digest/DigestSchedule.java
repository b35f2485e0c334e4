package org.outward.notification.digest;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import jakarta.annotation.PostConstruct;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.outward.notification.preference.Frequency;
import org.outward.notification.preference.Preferences;
import org.outward.notification.recipient.Recipient;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The window schedule: per recipient and frequency a document in {@value #COLLECTION} ({@code _id =
 * <memberId>|daily}) with the end of the last window done ({@code lastEnd}) and, while a window is being worked on,
 * {@code pending: {key, end}}. Claiming a window sets {@code pending} by a compare-and-set (one run, one instance,
 * wins); completing it moves {@code lastEnd} on and removes {@code pending}. Both are conditioned on the version
 * {@code v}, which every write of a schedule increments: the write applies only to the schedule as it was read.
 * The unique index on {@code (_id, v)} adds nothing on a real MongoDB (the {@code _id} index serves these writes),
 * but the embedded test and local-stack server only uses an index whose fields a query names exactly: without it
 * every conditional write scanned all schedules. A window is named by the boundary that
 * closes it (see {@link Windows}). {@code lastRunAt} is when the last window was done: a run brought forward
 * ({@code at} ahead of now) ends its windows at a boundary still to come, and what arrives between the run and that
 * boundary must still be looked for by the next window.
 */
@Component
public class DigestSchedule {

    public static final String COLLECTION = "digest_schedules";

    private final MongoTemplate mongo;
    private final DigestProperties properties;
    private final Clock clock;

    DigestSchedule(MongoTemplate mongo, DigestProperties properties, Clock clock) {
        this.mongo = mongo;
        this.properties = properties;
        this.clock = clock;
    }

    @PostConstruct
    void createIndexes() {
        mongo.indexOps(COLLECTION).createIndex(new Index().on("_id", Sort.Direction.ASC).on("v", Sort.Direction.ASC)
                .unique().named("id_version"));
    }

    /**
     * Where a recipient's frequency stands: the last window done and when that was, and the one being worked on
     * (any may be null); whether it is stored, and its version (null: stored before schedules had versions).
     */
    record State(String id, Instant lastEnd, Instant lastRunAt, String pendingKey, Instant pendingEnd, boolean stored,
            Integer version) {

        /** The filter that matches this schedule only as it was read. */
        Document unchanged() {
            if (!stored) {
                return new Document("_id", id).append("v", 0); // an upsert then inserts it, with v 0 + 1
            }
            if (version != null) {
                return new Document("_id", id).append("v", version);
            }
            // Stored before schedules had versions (every write now adds one): the fields as read, as before.
            return new Document("_id", id).append("v", new Document("$exists", false))
                    .append("pending.key", pendingKey == null ? new Document("$exists", false) : pendingKey)
                    .append("lastEnd", lastEnd == null ? new Document("$exists", false) : Date.from(lastEnd));
        }

        /** The version after one more write. */
        int next() {
            return version == null ? 1 : version + 1;
        }
    }

    static String id(Recipient recipient, Frequency frequency) {
        return recipient.memberId() + "|" + frequency.key();
    }

    State read(Recipient recipient, Frequency frequency) {
        String id = id(recipient, frequency);
        return state(id, mongo.findById(id, Document.class, COLLECTION));
    }

    /** The states of these schedules ({@link #id}), one query; a schedule never used has an empty state. */
    Map<String, State> readAll(Collection<String> ids) {
        Map<String, State> states = new HashMap<>();
        if (!ids.isEmpty()) {
            for (Document doc : mongo.find(Query.query(Criteria.where("_id").in(ids)), Document.class, COLLECTION)) {
                states.put(doc.getString("_id"), state(doc.getString("_id"), doc));
            }
        }
        for (String id : ids) {
            states.computeIfAbsent(id, i -> state(i, null));
        }
        return states;
    }

    private static State state(String id, Document schedule) {
        if (schedule == null) {
            return new State(id, null, null, null, null, false, null);
        }
        Document pending = schedule.get("pending", Document.class);
        return new State(id, instant(schedule.getDate("lastEnd")), instant(schedule.getDate("lastRunAt")),
                pending == null ? null : pending.getString("key"), pending == null ? null : instant(pending.getDate("end")),
                true, schedule.getInteger("v"));
    }

    /** The end of the window due now, or null when the last one done is that recent. */
    static Instant dueEnd(State state, Frequency frequency, Preferences prefs, Instant now) {
        Instant end = Windows.lastBoundary(frequency, prefs, now);
        return state.lastEnd() != null && !end.isAfter(state.lastEnd()) ? null : end;
    }

    /** The end of the next window a preview shows: the one due now, else the next boundary. */
    static Instant nextEnd(State state, Frequency frequency, Preferences prefs, Instant now) {
        Instant due = dueEnd(state, frequency, prefs, now);
        return due != null ? due : Windows.nextBoundary(frequency, prefs, now);
    }

    static String key(Frequency frequency, String memberId, Instant end) {
        return "digest-" + frequency.key() + ":" + memberId + ":" + end;
    }

    /**
     * Where a window's items start: the lookback before the previous window's end, or before the previous run when
     * that run was brought forward (its end still to come); never before the person joined.
     */
    Instant from(Recipient recipient, State state) {
        Instant since = recipient.since() == null ? Instant.EPOCH : recipient.since();
        if (state.lastEnd() == null) {
            return since;
        }
        Instant last = state.lastRunAt() != null && state.lastRunAt().isBefore(state.lastEnd())
                ? state.lastRunAt() : state.lastEnd();
        Instant lookback = last.minus(properties.lookback());
        return lookback.isAfter(since) ? lookback : since;
    }

    /** A window to take: its schedule as read, and the key and end it gets. */
    record Claim(State state, String key, Instant end) {

        /** The schedule as this claim leaves it, once won. */
        State claimed() {
            return new State(state.id(), state.lastEnd(), state.lastRunAt(), key, end, true, state.next());
        }
    }

    /**
     * Compare-and-set of each window's {@code pending}, all in one unordered bulk write: an upsert whose filter is the
     * schedule as read ({@link State#unchanged}), with no window pending. A schedule that moved on meanwhile (another
     * run took or completed a window) does not match, so the upsert tries to insert a second document with the same
     * {@code _id} and is refused (E11000): the window is someone else's. Every other write matched or inserted: the
     * window is this caller's.
     *
     * @return the schedule ids of the windows this caller now works on
     */
    Set<String> claimAll(List<Claim> claims) {
        Set<String> won = new HashSet<>();
        if (claims.isEmpty()) {
            return won;
        }
        List<UpdateOneModel<Document>> writes = new ArrayList<>(claims.size());
        for (Claim claim : claims) {
            if (claim.state().pendingKey() != null) {
                throw new IllegalArgumentException("a pending window is resumed, not claimed: " + claim.key());
            }
            Document pending = new Document("key", claim.key()).append("end", Date.from(claim.end()));
            writes.add(new UpdateOneModel<>(claim.state().unchanged(), new Document("$set",
                    new Document("pending", pending)).append("$inc", new Document("v", 1)),
                    new UpdateOptions().upsert(true)));
        }
        Set<Integer> lost = new HashSet<>();
        try {
            mongo.getCollection(COLLECTION).bulkWrite(writes, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (error.getCode() != DUPLICATE_KEY) {
                    throw e;
                }
                lost.add(error.getIndex());
            }
        }
        for (int i = 0; i < claims.size(); i++) {
            if (!lost.contains(i)) {
                won.add(claims.get(i).state().id());
            }
        }
        return won;
    }

    private static final int DUPLICATE_KEY = 11000;

    /**
     * A window done: its key, and how many items its email had (-1: the email had been queued before); {@code held}:
     * the schedule as the window's worker holds it (after its claim, or as read when it resumed the window).
     */
    record Completion(State held, String key, Instant end, int items) {

        String id() {
            return held.id();
        }
    }

    /**
     * Moves each schedule on past its window and drops {@code pending}, if it is still as its worker holds it (no one
     * else completed the window meanwhile): one bulk write.
     */
    void completeAll(List<Completion> completions) {
        if (completions.isEmpty()) {
            return;
        }
        Date now = Date.from(clock.instant());
        List<UpdateOneModel<Document>> writes = new ArrayList<>(completions.size());
        for (Completion done : completions) {
            writes.add(new UpdateOneModel<>(done.held().unchanged(),
                    new Document("$set", new Document("lastEnd", Date.from(done.end())).append("lastKey", done.key())
                            .append("lastItems", done.items()).append("lastRunAt", now))
                            .append("$unset", new Document("pending", "")).append("$inc", new Document("v", 1))));
        }
        mongo.getCollection(COLLECTION).bulkWrite(writes, new BulkWriteOptions().ordered(false));
    }

    /** Whether some window is being worked on under this email key (its claims are not orphans). */
    boolean pending(String key) {
        return mongo.exists(Query.query(Criteria.where("pending.key").is(key)), COLLECTION);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
