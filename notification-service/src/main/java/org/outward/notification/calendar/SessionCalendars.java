package org.outward.notification.calendar;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.outward.contracts.catalog.SessionCancelled;
import org.outward.contracts.catalog.SessionRescheduled;
import org.outward.contracts.catalog.SessionScheduled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The sessions as this service needs them ({@value #COLLECTION}): each session's latest state and who registered.
 * A session's state is replaced only by an event with a SEQUENCE not lower than the stored one (the same upsert
 * trick as the roster: a stale event's upsert collides with the existing id and is dropped), so a replay or a late
 * duplicate never turns a session back. Registrations follow the topic's order for the session (one key, one
 * partition) and are idempotent: adding someone present or removing someone absent changes nothing.
 */
@Component
public class SessionCalendars implements InitializingBean {

    public static final String COLLECTION = "calendar.sessions";

    private static final Logger log = LoggerFactory.getLogger(SessionCalendars.class);

    private final MongoTemplate mongo;

    public SessionCalendars(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(COLLECTION).createIndex(new Index().on("startsAt", Sort.Direction.ASC).named("start"));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("registrants.memberId", Sort.Direction.ASC)
                .named("registrant"));
    }

    /** @return false when the stored session is newer (the event is stale and changes nothing) */
    public boolean scheduled(SessionScheduled e) {
        return store(e.sessionId(), e.sequence(), details(e.webinarId(), e.webinarTitle(), e.cohortId(), e.startsAt(),
                e.durationMinutes(), e.timeZone(), e.joinUrl()).set("state", "scheduled"));
    }

    /** @return false when the stored session is newer (the event is stale and changes nothing) */
    public boolean rescheduled(SessionRescheduled e) {
        return store(e.sessionId(), e.sequence(), details(e.webinarId(), e.webinarTitle(), e.cohortId(), e.startsAt(),
                e.durationMinutes(), e.timeZone(), e.joinUrl()).set("state", "rescheduled"));
    }

    /** @return false when the stored session is newer (the event is stale and changes nothing) */
    public boolean cancelled(SessionCancelled e) {
        return store(e.sessionId(), e.sequence(), details(e.webinarId(), e.webinarTitle(), e.cohortId(), e.startsAt(),
                e.durationMinutes(), e.timeZone(), null).set("state", CalendarSession.CANCELLED)
                .set("cancelReason", e.reason()));
    }

    public void registered(String sessionId, String memberId, Instant at) {
        Query absent = Query.query(Criteria.where("_id").is(sessionId).and("registrants.memberId").ne(memberId));
        long changed = mongo.updateFirst(absent, new Update().push("registrants",
                new Document("memberId", memberId).append("at", Date.from(at))), COLLECTION).getModifiedCount();
        log.info("session={} registrant={} {}", sessionId, memberId, changed == 1 ? "added" : "present already");
    }

    public void unregistered(String sessionId, String memberId) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(sessionId)),
                new Update().pull("registrants", new Document("memberId", memberId)), COLLECTION);
        log.info("session={} registrant={} removed", sessionId, memberId);
    }

    public Optional<CalendarSession> find(String sessionId) {
        return Optional.ofNullable(mongo.findById(sessionId, Document.class, COLLECTION)).map(SessionCalendars::of);
    }

    /** Sessions that are on and start in (from, to], with their registrants. */
    public List<Document> startingBetween(Instant from, Instant to) {
        Query query = Query.query(Criteria.where("startsAt").gt(Date.from(from)).lte(Date.from(to))
                .and("state").ne(CalendarSession.CANCELLED)).with(Sort.by("startsAt", "_id"));
        return mongo.find(query, Document.class, COLLECTION);
    }

    /** The cohort's sessions that are on and have not started at {@code now}, by start. */
    public List<CalendarSession> upcomingOf(String cohortId, Instant now) {
        Query query = Query.query(Criteria.where("cohortId").is(cohortId).and("startsAt").gt(Date.from(now))
                .and("state").ne(CalendarSession.CANCELLED)).with(Sort.by("startsAt", "_id"));
        return mongo.find(query, Document.class, COLLECTION).stream().map(SessionCalendars::of).toList();
    }

    /** The sessions the person registered for, by start. */
    public List<CalendarSession> registeredBy(String memberId) {
        Query query = Query.query(Criteria.where("registrants.memberId").is(memberId)).with(Sort.by("startsAt", "_id"));
        return mongo.find(query, Document.class, COLLECTION).stream().map(SessionCalendars::of).toList();
    }

    private static Update details(String webinarId, String title, String cohortId, Instant startsAt, int minutes,
            String zone, String joinUrl) {
        Update update = new Update().set("webinarId", webinarId).set("title", title).set("cohortId", cohortId)
                .set("startsAt", Date.from(startsAt)).set("durationMinutes", minutes).set("timeZone", zone)
                .setOnInsert("registrants", List.of());
        if (joinUrl != null) {
            update.set("joinUrl", joinUrl);
        }
        return update;
    }

    private boolean store(String sessionId, int sequence, Update update) {
        Query notNewer = Query.query(Criteria.where("_id").is(sessionId).and("sequence").lte(sequence));
        try {
            mongo.upsert(notNewer, update.set("sequence", sequence), COLLECTION);
            log.info("session={} stored at sequence {}", sessionId, sequence);
            return true;
        } catch (DuplicateKeyException e) {
            log.info("session={} kept: it is newer than sequence {}", sessionId, sequence);
            return false;
        }
    }

    static CalendarSession of(Document doc) {
        return new CalendarSession(doc.getString("_id"), doc.getString("webinarId"), doc.getString("title"),
                doc.getString("cohortId"), doc.getDate("startsAt").toInstant(), doc.getInteger("durationMinutes", 0),
                doc.getString("timeZone"), doc.getString("joinUrl"), doc.getInteger("sequence", 0),
                doc.getString("state"), doc.getString("cancelReason"),
                doc.getList("registrants", Document.class, List.of()).stream().map(r -> r.getString("memberId"))
                        .toList());
    }
}
