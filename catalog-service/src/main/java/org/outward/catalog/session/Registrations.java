package org.outward.catalog.session;

import static org.outward.catalog.session.SessionDocuments.CAPACITY;
import static org.outward.catalog.session.SessionDocuments.COLLECTION;
import static org.outward.catalog.session.SessionDocuments.ID;
import static org.outward.catalog.session.SessionDocuments.REGISTERED_COUNT;
import static org.outward.catalog.session.SessionDocuments.REGISTRATIONS;
import static org.outward.catalog.session.SessionDocuments.SEATS_LEFT;
import static org.outward.catalog.session.SessionDocuments.STATE;
import static org.outward.catalog.support.Documents.date;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.outward.catalog.roster.MemberService;
import org.outward.catalog.roster.MemberView;
import org.outward.catalog.support.Times;
import org.outward.contracts.Events;
import org.outward.contracts.catalog.MemberAdded;
import org.outward.contracts.catalog.SessionRegistered;
import org.outward.contracts.catalog.SessionUnregistered;
import org.outward.platform.concurrency.VersionedWrites;
import org.outward.platform.errors.ConflictException;
import org.outward.platform.errors.NotFoundException;
import org.outward.platform.outbox.OutboxEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Registering for a session and taking it back. The seat is taken by one conditional update on the session's
 * document: it matches only while the session is not cancelled, the person is not registered yet, the capacity is
 * the one read and a seat is left, and in the same write adds the person, counts them, takes the seat and carries
 * SessionRegistered. Parallel registrations can therefore never overbook, and nobody is counted twice; a write
 * that does not match is looked at again and answered (full, cancelled, already registered) from a fresh read.
 */
@Service
public class Registrations {

    private static final Logger log = LoggerFactory.getLogger(Registrations.class);

    private final MongoTemplate mongo;
    private final SessionService sessions;
    private final MemberService members;
    private final OutboxEvents outbox;
    private final Clock clock;

    public Registrations(MongoTemplate mongo, SessionService sessions, MemberService members, OutboxEvents outbox,
            Clock clock) {
        this.mongo = mongo;
        this.sessions = sessions;
        this.members = members;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Registers the person; already registered: the session as it is, nothing emitted. */
    public SessionView register(String sessionId, String memberId) {
        MemberView member = members.get(memberId);
        return VersionedWrites.retry("The session", () -> {
            Document document = sessions.document(sessionId);
            SessionView session = SessionDocuments.toView(document);
            requireInCohort(member, session);
            Instant now = Times.now(clock);
            requireOpen(session, now);
            if (isRegistered(document, memberId)) {
                return Optional.of(session);
            }
            if (session.capacity() != null && session.seatsLeft() != null && session.seatsLeft() <= 0) {
                throw full(session);
            }
            Criteria seat = Criteria.where(ID).is(sessionId)
                    .and(STATE).ne(SessionState.CANCELLED.wireName())
                    .and(REGISTRATIONS + ".memberId").ne(memberId)
                    .and(CAPACITY).is(session.capacity());
            Update update = new Update()
                    .push(REGISTRATIONS, new Document("memberId", memberId).append("libraryId", member.libraryId())
                            .append("at", date(now)))
                    .inc(REGISTERED_COUNT, 1);
            if (session.capacity() != null) {
                seat = seat.and(SEATS_LEFT).gt(0);
                update.inc(SEATS_LEFT, -1);
            }
            OutboxEvents.push(update, List.of(outbox.entry(Events.SESSION_REGISTERED, sessionId,
                    new SessionRegistered(sessionId, session.cohortId(), memberId, member.libraryId(), now))));
            Document written = mongo.findAndModify(Query.query(seat), update,
                    FindAndModifyOptions.options().returnNew(true), Document.class, COLLECTION);
            if (written == null) {
                return Optional.empty();
            }
            log.info("registered member={} for session={} ({} of {})", memberId, sessionId,
                    written.get(REGISTERED_COUNT), session.capacity() == null ? "unlimited" : session.capacity());
            return Optional.of(SessionDocuments.toView(written));
        });
    }

    /** Takes the registration back; not registered: nothing changes. */
    public SessionView unregister(String sessionId, String memberId) {
        return VersionedWrites.retry("The session", () -> {
            Document document = sessions.document(sessionId);
            SessionView session = SessionDocuments.toView(document);
            String libraryId = SessionDocuments.entries(document, REGISTRATIONS).stream()
                    .filter(entry -> entry.memberId().equals(memberId)).map(SessionDocuments.Entry::libraryId)
                    .findFirst().orElse(null);
            if (!isRegistered(document, memberId)) {
                return Optional.of(session);
            }
            Instant now = Times.now(clock);
            if (!session.endsAt().isAfter(now)) {
                throw new ConflictException("state", "The session is over; its registrations are kept.");
            }
            Criteria registered = Criteria.where(ID).is(sessionId).and(REGISTRATIONS + ".memberId").is(memberId)
                    .and(CAPACITY).is(session.capacity());
            Update update = new Update().pull(REGISTRATIONS, new Document("memberId", memberId))
                    .inc(REGISTERED_COUNT, -1);
            if (session.capacity() != null) {
                update.inc(SEATS_LEFT, 1);
            }
            OutboxEvents.push(update, List.of(outbox.entry(Events.SESSION_UNREGISTERED, sessionId,
                    new SessionUnregistered(sessionId, session.cohortId(), memberId, libraryId, now))));
            Document written = mongo.findAndModify(Query.query(registered), update,
                    FindAndModifyOptions.options().returnNew(true), Document.class, COLLECTION);
            if (written == null) {
                return Optional.empty();
            }
            log.info("unregistered member={} from session={}", memberId, sessionId);
            return Optional.of(SessionDocuments.toView(written));
        });
    }

    /** The people registered, in the order they registered. */
    public List<SessionDocuments.Entry> of(String sessionId) {
        return SessionDocuments.entries(sessions.document(sessionId), REGISTRATIONS);
    }

    public boolean isRegistered(String sessionId, String memberId) {
        return isRegistered(sessions.document(sessionId), memberId);
    }

    private static boolean isRegistered(Document document, String memberId) {
        return SessionDocuments.entries(document, REGISTRATIONS).stream()
                .anyMatch(entry -> entry.memberId().equals(memberId));
    }

    /** Sessions are for the library teams of their cohort; anyone else does not see the session at all. */
    static void requireInCohort(MemberView member, SessionView session) {
        if (!MemberAdded.ROLE_LIBRARY_MEMBER.equals(member.role()) || !session.cohortId().equals(member.cohortId())) {
            throw new NotFoundException("Session", session.id());
        }
    }

    private static void requireOpen(SessionView session, Instant now) {
        if (session.state() == SessionState.CANCELLED) {
            throw new ConflictException("state", "The session is cancelled.");
        }
        if (!session.endsAt().isAfter(now)) {
            throw new ConflictException("state", "The session is over.");
        }
    }

    private static ConflictException full(SessionView session) {
        return new ConflictException("capacity", "The session is full: all " + session.capacity()
                + " seats are taken.");
    }
}
