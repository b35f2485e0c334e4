package org.outward.notification.digest;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.outward.notification.preference.Frequency;
import org.outward.notification.preference.Preferences;
import org.outward.notification.recipient.Recipient;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The window schedule: per recipient and frequency a document in {@value #COLLECTION} ({@code _id =
 * <memberId>|daily}) with the end of the last window done ({@code lastEnd}) and, while a window is being worked on,
 * {@code pending: {key, end}}. Claiming a window is a compare-and-set of {@code pending} (one run, one instance,
 * wins); completing it moves {@code lastEnd} on and removes {@code pending}. A window is named by the boundary that
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

    /**
     * Where a recipient's frequency stands: the last window done and when that was, and the one being worked on
     * (any may be null).
     */
    record State(String id, Instant lastEnd, Instant lastRunAt, String pendingKey, Instant pendingEnd) {
    }

    State read(Recipient recipient, Frequency frequency) {
        String id = recipient.memberId() + "|" + frequency.key();
        Document schedule = mongo.findById(id, Document.class, COLLECTION);
        if (schedule == null) {
            return new State(id, null, null, null, null);
        }
        Document pending = schedule.get("pending", Document.class);
        return new State(id, instant(schedule.getDate("lastEnd")), instant(schedule.getDate("lastRunAt")),
                pending == null ? null : pending.getString("key"), pending == null ? null : instant(pending.getDate("end")));
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

    /** Compare-and-set: true when this caller now works on the window. */
    boolean claim(State state, String key, Instant end) {
        Criteria criteria = Criteria.where("_id").is(state.id()).and("pending").exists(false);
        criteria = state.lastEnd() == null ? criteria.and("lastEnd").exists(false)
                : criteria.and("lastEnd").is(Date.from(state.lastEnd()));
        Update update = new Update().set("pending", new Document("key", key).append("end", Date.from(end)));
        try {
            Document doc = mongo.findAndModify(Query.query(criteria), update,
                    FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COLLECTION);
            Document pending = doc == null ? null : doc.get("pending", Document.class);
            return pending != null && key.equals(pending.getString("key"));
        } catch (DuplicateKeyException e) {
            return false; // another run moved this schedule on meanwhile
        }
    }

    void complete(State state, String key, Instant end, int items) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(state.id()).and("pending.key").is(key)),
                new Update().set("lastEnd", Date.from(end)).set("lastKey", key).set("lastItems", items)
                        .set("lastRunAt", Date.from(clock.instant())).unset("pending"), COLLECTION);
    }

    /** Whether some window is being worked on under this email key (its claims are not orphans). */
    boolean pending(String key) {
        return mongo.exists(Query.query(Criteria.where("pending.key").is(key)), COLLECTION);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
