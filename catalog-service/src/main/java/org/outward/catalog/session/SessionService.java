package org.outward.catalog.session;

import static org.outward.catalog.session.SessionDocuments.CANCEL_REASON;
import static org.outward.catalog.session.SessionDocuments.CAPACITY;
import static org.outward.catalog.session.SessionDocuments.COHORT_ID;
import static org.outward.catalog.session.SessionDocuments.COLLECTION;
import static org.outward.catalog.session.SessionDocuments.CREATED_AT;
import static org.outward.catalog.session.SessionDocuments.DURATION_MINUTES;
import static org.outward.catalog.session.SessionDocuments.ID;
import static org.outward.catalog.session.SessionDocuments.JOIN_URL;
import static org.outward.catalog.session.SessionDocuments.REGISTERED_COUNT;
import static org.outward.catalog.session.SessionDocuments.SEATS_LEFT;
import static org.outward.catalog.session.SessionDocuments.SEQUENCE;
import static org.outward.catalog.session.SessionDocuments.STARTS_AT;
import static org.outward.catalog.session.SessionDocuments.STATE;
import static org.outward.catalog.session.SessionDocuments.TIME_ZONE;
import static org.outward.catalog.session.SessionDocuments.UPDATED_AT;
import static org.outward.catalog.session.SessionDocuments.VERSION;
import static org.outward.catalog.session.SessionDocuments.WEBINAR_ID;
import static org.outward.catalog.session.SessionDocuments.WEBINAR_TITLE;
import static org.outward.catalog.support.Documents.date;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.outward.catalog.roster.CohortService;
import org.outward.catalog.roster.CohortView;
import org.outward.catalog.support.Times;
import org.outward.catalog.webinar.WebinarService;
import org.outward.catalog.webinar.WebinarStatus;
import org.outward.catalog.webinar.WebinarView;
import org.outward.contracts.Events;
import org.outward.contracts.catalog.SessionCancelled;
import org.outward.contracts.catalog.SessionRescheduled;
import org.outward.contracts.catalog.SessionScheduled;
import org.outward.platform.concurrency.ETags;
import org.outward.platform.concurrency.VersionedWrites;
import org.outward.platform.errors.BadRequestException;
import org.outward.platform.errors.ConflictException;
import org.outward.platform.errors.NotFoundException;
import org.outward.platform.outbox.OutboxEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Live sessions of webinars, each held for one cohort. Scheduling, rescheduling and cancelling are each one
 * single-document write carrying its event (SessionScheduled, SessionRescheduled, SessionCancelled) with the
 * session's next iCalendar SEQUENCE. Edits match the version they were computed from and the registration count
 * they saw (the seats left follow from both), and are retried from a fresh read when only registrations moved.
 */
@Service
public class SessionService implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(SessionService.class);

    private final MongoTemplate mongo;
    private final WebinarService webinars;
    private final CohortService cohorts;
    private final OutboxEvents outbox;
    private final Clock clock;

    public SessionService(MongoTemplate mongo, WebinarService webinars, CohortService cohorts, OutboxEvents outbox,
            Clock clock) {
        this.mongo = mongo;
        this.webinars = webinars;
        this.cohorts = cohorts;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(COLLECTION).createIndex(new Index().on(WEBINAR_ID, Sort.Direction.ASC)
                .on(STARTS_AT, Sort.Direction.ASC).named("webinar_start"));
        mongo.indexOps(COLLECTION).createIndex(new Index().on(COHORT_ID, Sort.Direction.ASC)
                .on(STARTS_AT, Sort.Direction.ASC).named("cohort_start"));
    }

    /** Overlapping sessions of one webinar are allowed (two time slots for a big cohort, say). */
    public SessionView schedule(String webinarId, ScheduleSessionRequest request) {
        WebinarView webinar = webinars.find(webinarId)
                .filter(found -> found.status() != WebinarStatus.ARCHIVED)
                .orElseThrow(() -> new NotFoundException("Webinar", webinarId));
        CohortView cohort = cohorts.find(request.cohortId())
                .orElseThrow(() -> new BadRequestException("cohortId", "no cohort has this id"));
        Instant now = Times.now(clock);
        Instant startsAt = SessionTimes.startsAt(request.start(), request.timeZone(), now);
        String zone = ZoneId.of(request.timeZone()).getId();
        String id = UUID.randomUUID().toString();
        Document document = new Document(ID, id)
                .append(WEBINAR_ID, webinar.id())
                .append(WEBINAR_TITLE, webinar.title())
                .append(COHORT_ID, cohort.id())
                .append(STARTS_AT, date(startsAt))
                .append(DURATION_MINUTES, request.durationMinutes())
                .append(TIME_ZONE, zone)
                .append(JOIN_URL, request.joinUrl().strip())
                .append(CAPACITY, request.capacity())
                .append(STATE, SessionState.SCHEDULED.wireName())
                .append(SEQUENCE, 0)
                .append(REGISTERED_COUNT, 0)
                .append(SessionDocuments.ATTENDED_COUNT, 0)
                .append(VERSION, 1L)
                .append(CREATED_AT, date(now))
                .append(UPDATED_AT, date(now));
        if (request.capacity() != null) {
            document.append(SEATS_LEFT, request.capacity());
        }
        SessionView view = SessionDocuments.toView(document);
        OutboxEvents.attach(document, List.of(outbox.entry(Events.SESSION_SCHEDULED, id, new SessionScheduled(id,
                view.webinarId(), view.webinarTitle(), view.cohortId(), view.startsAt(), view.durationMinutes(),
                view.timeZone(), view.joinUrl(), view.capacity(), view.sequence(), now))));
        mongo.insert(document, COLLECTION);
        log.info("scheduled session id={} webinarId={} cohortId={} startsAt={}", id, webinar.id(), cohort.id(),
                startsAt);
        return view;
    }

    /**
     * Replaces the session's time, length, zone, link and capacity with SessionRescheduled (SEQUENCE + 1). Nothing
     * changed: nothing written, nothing emitted. A capacity below the people registered is refused.
     *
     * @param expectedVersion from If-Match; null for "*"
     */
    public SessionView reschedule(String id, RescheduleSessionRequest request, Long expectedVersion) {
        return VersionedWrites.retry("Session " + id, () -> {
            SessionView current = get(id);
            ETags.check(expectedVersion, current.version());
            if (current.state() == SessionState.CANCELLED) {
                throw new ConflictException("state", "The session is cancelled; schedule a new one instead.");
            }
            Instant now = Times.now(clock);
            Instant startsAt = SessionTimes.startsAt(request.start(), request.timeZone(), now);
            String zone = ZoneId.of(request.timeZone()).getId();
            String joinUrl = request.joinUrl().strip();
            if (request.capacity() != null && request.capacity() < current.registeredCount()) {
                throw new ConflictException("capacity", current.registeredCount()
                        + " people are registered; the capacity cannot be lower.");
            }
            if (startsAt.equals(current.startsAt()) && request.durationMinutes() == current.durationMinutes()
                    && zone.equals(current.timeZone()) && joinUrl.equals(current.joinUrl())
                    && Objects.equals(request.capacity(), current.capacity())) {
                return Optional.of(current);
            }
            int sequence = current.sequence() + 1;
            Update update = new Update()
                    .set(STARTS_AT, date(startsAt))
                    .set(DURATION_MINUTES, request.durationMinutes())
                    .set(TIME_ZONE, zone)
                    .set(JOIN_URL, joinUrl)
                    .set(CAPACITY, request.capacity())
                    .set(STATE, SessionState.RESCHEDULED.wireName())
                    .set(SEQUENCE, sequence)
                    .set(UPDATED_AT, date(now))
                    .inc(VERSION, 1L);
            if (request.capacity() == null) {
                update.unset(SEATS_LEFT);
            } else {
                update.set(SEATS_LEFT, request.capacity() - current.registeredCount());
            }
            OutboxEvents.push(update, List.of(outbox.entry(Events.SESSION_RESCHEDULED, id, new SessionRescheduled(id,
                    current.webinarId(), current.webinarTitle(), current.cohortId(), startsAt,
                    request.durationMinutes(), zone, joinUrl, request.capacity(), sequence, current.startsAt(),
                    now))));
            Optional<SessionView> written = write(current, update);
            written.ifPresent(w -> log.info("rescheduled session id={} startsAt={} (was {}) sequence={}", id,
                    startsAt, current.startsAt(), sequence));
            return written;
        });
    }

    /** Calls the session off with SessionCancelled (SEQUENCE + 1); cancelling it again changes nothing. */
    public SessionView cancel(String id, String reason, Long expectedVersion) {
        return VersionedWrites.retry("Session " + id, () -> {
            SessionView current = get(id);
            ETags.check(expectedVersion, current.version());
            if (current.state() == SessionState.CANCELLED) {
                return Optional.of(current);
            }
            Instant now = Times.now(clock);
            int sequence = current.sequence() + 1;
            String why = reason == null || reason.isBlank() ? null : reason.strip();
            Update update = new Update()
                    .set(STATE, SessionState.CANCELLED.wireName())
                    .set(CANCEL_REASON, why)
                    .set(SEQUENCE, sequence)
                    .set(UPDATED_AT, date(now))
                    .inc(VERSION, 1L);
            OutboxEvents.push(update, List.of(outbox.entry(Events.SESSION_CANCELLED, id, new SessionCancelled(id,
                    current.webinarId(), current.webinarTitle(), current.cohortId(), current.startsAt(),
                    current.durationMinutes(), current.timeZone(), sequence, why, now))));
            Optional<SessionView> written = write(current, update);
            written.ifPresent(w -> log.info("cancelled session id={} sequence={}", id, sequence));
            return written;
        });
    }

    /** Matches the session as read: same version and the same registrations count (the seats left depend on it). */
    private Optional<SessionView> write(SessionView current, Update update) {
        Query asRead = Query.query(Criteria.where(ID).is(current.id()).and(VERSION).is(current.version())
                .and(REGISTERED_COUNT).is(current.registeredCount()));
        return Optional.ofNullable(mongo.findAndModify(asRead, update, FindAndModifyOptions.options().returnNew(true),
                Document.class, COLLECTION)).map(SessionDocuments::toView);
    }

    public SessionView get(String id) {
        return SessionDocuments.toView(document(id));
    }

    Document document(String id) {
        Query query = Query.query(Criteria.where(ID).is(id));
        query.fields().exclude("outbox");
        Document document = mongo.findOne(query, Document.class, COLLECTION);
        if (document == null) {
            throw new NotFoundException("Session", id);
        }
        return document;
    }

    /** The webinar's sessions by start; {@code cohortId} null for every cohort's. */
    public List<SessionView> ofWebinar(String webinarId, String cohortId) {
        Criteria criteria = Criteria.where(WEBINAR_ID).is(webinarId);
        if (cohortId != null) {
            criteria = criteria.and(COHORT_ID).is(cohortId);
        }
        return find(criteria);
    }

    /** The cohort's sessions by start (cancelled ones too: they say so). */
    public List<SessionView> ofCohort(String cohortId) {
        return find(Criteria.where(COHORT_ID).is(cohortId));
    }

    private List<SessionView> find(Criteria criteria) {
        Query query = Query.query(criteria).with(Sort.by(STARTS_AT, ID));
        query.fields().exclude("outbox", SessionDocuments.REGISTRATIONS, SessionDocuments.ATTENDANCE);
        return mongo.find(query, Document.class, COLLECTION).stream().map(SessionDocuments::toView).toList();
    }

    /** Every session of the cohort with its attendance (for completion), cancelled ones left out. */
    public List<Document> heldInCohort(String cohortId) {
        Query query = Query.query(Criteria.where(COHORT_ID).is(cohortId).and(STATE)
                .ne(SessionState.CANCELLED.wireName()));
        query.fields().include(ID, WEBINAR_ID, SessionDocuments.ATTENDANCE);
        return mongo.find(query, Document.class, COLLECTION);
    }
}
