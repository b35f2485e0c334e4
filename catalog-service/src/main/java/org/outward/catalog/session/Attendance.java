package org.outward.catalog.session;

import static org.outward.catalog.session.SessionDocuments.ATTENDANCE;
import static org.outward.catalog.session.SessionDocuments.ATTENDED_COUNT;
import static org.outward.catalog.session.SessionDocuments.COLLECTION;
import static org.outward.catalog.session.SessionDocuments.ID;
import static org.outward.catalog.session.SessionDocuments.STATE;
import static org.outward.catalog.support.Documents.date;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bson.Document;
import org.outward.catalog.roster.MemberService;
import org.outward.catalog.roster.MemberView;
import org.outward.catalog.support.Keys;
import org.outward.catalog.support.Times;
import org.outward.contracts.Events;
import org.outward.contracts.catalog.ProgressRecorded;
import org.outward.platform.concurrency.VersionedWrites;
import org.outward.platform.errors.BadRequestException;
import org.outward.platform.errors.ConflictException;
import org.outward.platform.errors.FieldError;
import org.outward.platform.outbox.OutboxEntry;
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
 * Who attended a session: staff mark people one by one, or upload a CSV of their addresses (previewed first).
 * Attendance lives in the session's document; each newly attending person gets a ProgressRecorded
 * ({@code session-attended}) in the same write, so a CSV of a hundred people is one write with a hundred events:
 * all recorded or none.
 */
@Service
public class Attendance {

    private static final Logger log = LoggerFactory.getLogger(Attendance.class);

    private final MongoTemplate mongo;
    private final SessionService sessions;
    private final MemberService members;
    private final OutboxEvents outbox;
    private final Clock clock;

    public Attendance(MongoTemplate mongo, SessionService sessions, MemberService members, OutboxEvents outbox,
            Clock clock) {
        this.mongo = mongo;
        this.sessions = sessions;
        this.members = members;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Marks (attended = true) or unmarks one person; already so: nothing changes. */
    public SessionView mark(String sessionId, String memberId, boolean attended, String recordedBy) {
        MemberView member = members.get(memberId);
        return VersionedWrites.retry("The attendance", () -> {
            Document document = sessions.document(sessionId);
            SessionView session = SessionDocuments.toView(document);
            Registrations.requireInCohort(member, session);
            requireHeld(session);
            boolean marked = attendees(document).contains(memberId);
            if (marked == attended) {
                return Optional.of(session);
            }
            Instant now = Times.now(clock);
            Criteria as = Criteria.where(ID).is(sessionId).and(STATE).ne(SessionState.CANCELLED.wireName());
            Update update = new Update();
            if (attended) {
                as = as.and(ATTENDANCE + ".memberId").ne(memberId);
                update.push(ATTENDANCE, entry(member, now, recordedBy)).inc(ATTENDED_COUNT, 1);
            } else {
                as = as.and(ATTENDANCE + ".memberId").is(memberId);
                update.pull(ATTENDANCE, new Document("memberId", memberId)).inc(ATTENDED_COUNT, -1);
            }
            OutboxEvents.push(update, List.of(event(session, member, attended, recordedBy, now)));
            Document written = mongo.findAndModify(Query.query(as), update,
                    FindAndModifyOptions.options().returnNew(true), Document.class, COLLECTION);
            if (written == null) {
                return Optional.empty();
            }
            log.info("attendance session={} member={} attended={}", sessionId, memberId, attended);
            return Optional.of(SessionDocuments.toView(written));
        });
    }

    /** The people marked attended, by name. */
    public List<Attendee> of(String sessionId) {
        Document document = sessions.document(sessionId);
        List<Document> entries = document.getList(ATTENDANCE, Document.class, List.of());
        Map<String, MemberView> cohort = members.listInCohort(document.getString(SessionDocuments.COHORT_ID))
                .stream().collect(Collectors.toMap(MemberView::id, Function.identity()));
        return entries.stream().map(entry -> {
            MemberView member = cohort.get(entry.getString("memberId"));
            return new Attendee(entry.getString("memberId"), member == null ? null : member.name(),
                    member == null ? null : member.email(), entry.getString("libraryId"),
                    org.outward.catalog.support.Documents.instant(entry, "at"));
        }).sorted(java.util.Comparator.comparing((Attendee a) -> a.name() == null ? "" : a.name())
                .thenComparing(Attendee::memberId)).toList();
    }

    /** What the CSV would record; nothing is saved. */
    public AttendancePreview preview(String sessionId, byte[] csv) {
        Document document = sessions.document(sessionId);
        SessionView session = SessionDocuments.toView(document);
        requireHeld(session);
        return preview(session, attendees(document), AttendanceCsv.parse(csv));
    }

    private AttendancePreview preview(SessionView session, Set<String> attending, AttendanceCsv.Parsed parsed) {
        Map<String, MemberView> byEmail = members.listInCohort(session.cohortId()).stream()
                .collect(Collectors.toMap(member -> Keys.of(member.email()), Function.identity(), (a, b) -> a));
        Map<String, AttendancePreview.Match> matched = new LinkedHashMap<>();
        List<AttendancePreview.Unmatched> unmatched = new ArrayList<>();
        for (AttendanceCsv.Row row : parsed.rows()) {
            MemberView member = byEmail.get(Keys.of(row.email()));
            if (member == null) {
                unmatched.add(new AttendancePreview.Unmatched(row.line(), row.email(),
                        "no library member of this session's cohort has this address"));
            } else {
                matched.putIfAbsent(member.id(), new AttendancePreview.Match(row.line(), row.email(), member.id(),
                        member.name(), member.libraryId(), attending.contains(member.id())));
            }
        }
        List<FieldError> errors = parsed.problems().stream()
                .map(problem -> new FieldError("line " + problem.line(), problem.message())).toList();
        return new AttendancePreview(session.id(), parsed.rows().size() + parsed.problems().size(),
                List.copyOf(matched.values()), List.copyOf(unmatched), errors);
    }

    /**
     * Records the CSV's people as attended, in one write. A file with bad rows is refused whole (400, each bad row
     * named by line), and so is one with addresses nobody of the cohort has, unless {@code skipUnmatched}.
     */
    public AttendanceResult commit(String sessionId, byte[] csv, boolean skipUnmatched, String recordedBy) {
        AttendanceCsv.Parsed parsed = AttendanceCsv.parse(csv);
        return VersionedWrites.retry("The attendance", () -> {
            Document document = sessions.document(sessionId);
            SessionView session = SessionDocuments.toView(document);
            requireHeld(session);
            AttendancePreview preview = preview(session, attendees(document), parsed);
            if (!preview.errors().isEmpty()) {
                throw new BadRequestException("The file has " + preview.errors().size()
                        + " bad rows; nothing was recorded.", preview.errors());
            }
            if (!preview.unmatched().isEmpty() && !skipUnmatched) {
                throw new BadRequestException(preview.unmatched().size() + " addresses match nobody of the cohort;"
                        + " nothing was recorded (send skipUnmatched=true to record the others).",
                        preview.unmatched().stream().map(u -> new FieldError("line " + u.line(),
                                "'" + u.email() + "': " + u.reason())).toList());
            }
            List<AttendancePreview.Match> added = preview.matched().stream().filter(m -> !m.alreadyAttended())
                    .toList();
            if (added.isEmpty()) {
                return Optional.of(new AttendanceResult(sessionId, 0, preview.matched().size(),
                        preview.unmatched().size(), session.attendedCount()));
            }
            Instant now = Times.now(clock);
            Set<String> ids = new HashSet<>();
            List<Document> entries = new ArrayList<>();
            List<OutboxEntry> events = new ArrayList<>();
            for (AttendancePreview.Match match : added) {
                MemberView member = members.get(match.memberId());
                ids.add(member.id());
                entries.add(entry(member, now, recordedBy));
                events.add(event(session, member, true, recordedBy, now));
            }
            Query none = Query.query(Criteria.where(ID).is(sessionId).and(STATE).ne(SessionState.CANCELLED.wireName())
                    .and(ATTENDANCE + ".memberId").nin(ids));
            Update update = new Update().push(ATTENDANCE).each(entries.toArray()).inc(ATTENDED_COUNT, entries.size());
            OutboxEvents.push(update, events);
            Document written = mongo.findAndModify(none, update, FindAndModifyOptions.options().returnNew(true),
                    Document.class, COLLECTION);
            if (written == null) {
                return Optional.empty();
            }
            log.info("attendance csv session={} added={} already={} unmatchedSkipped={}", sessionId,
                    added.size(), preview.matched().size() - added.size(), preview.unmatched().size());
            return Optional.of(new AttendanceResult(sessionId, added.size(), preview.matched().size() - added.size(),
                    preview.unmatched().size(), SessionDocuments.toView(written).attendedCount()));
        });
    }

    private static Set<String> attendees(Document document) {
        return SessionDocuments.entries(document, ATTENDANCE).stream().map(SessionDocuments.Entry::memberId)
                .collect(Collectors.toSet());
    }

    private static Document entry(MemberView member, Instant now, String recordedBy) {
        return new Document("memberId", member.id()).append("libraryId", member.libraryId()).append("at", date(now))
                .append("by", recordedBy);
    }

    private OutboxEntry event(SessionView session, MemberView member, boolean attended, String recordedBy,
            Instant now) {
        return outbox.entry(Events.PROGRESS_RECORDED, member.libraryId(), new ProgressRecorded(member.libraryId(),
                session.cohortId(), session.webinarId(), ProgressRecorded.KIND_SESSION_ATTENDED, null, attended,
                recordedBy, now, member.id(), session.id()));
    }

    /** Attendance is for sessions that took place: started, not cancelled. */
    private void requireHeld(SessionView session) {
        if (session.state() == SessionState.CANCELLED) {
            throw new ConflictException("state", "The session was cancelled; nobody attended it.");
        }
        if (session.startsAt().isAfter(Times.now(clock))) {
            throw new ConflictException("state", "The session has not started yet.");
        }
    }
}
