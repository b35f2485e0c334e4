package org.outward.notification.calendar;

import static org.awaitility.Awaitility.await;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import org.outward.contracts.EventEnvelope;
import org.outward.contracts.Events;
import org.outward.contracts.catalog.LibraryJoinedCohort;
import org.outward.contracts.catalog.MemberAdded;
import org.outward.contracts.catalog.SessionRegistered;
import org.outward.contracts.catalog.SessionScheduled;
import org.outward.notification.ServiceTest;
import org.outward.notification.recipient.RosterReadModel;
import org.outward.notification.support.TestEvents;
import org.springframework.beans.factory.annotation.Autowired;

/** A cohort of its own per test (unique ids), published the way the catalog would, and iCalendar helpers. */
abstract class CalendarTestSupport extends ServiceTest {

    static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    protected RosterReadModel roster;

    @Autowired
    protected SessionCalendars sessions;

    protected TestEvents events;

    protected final String suffix = UUID.randomUUID().toString().substring(0, 8);
    protected final String cohortId = "cohort-" + suffix;

    protected TestEvents events() {
        if (events == null) {
            events = new TestEvents(broker.getBrokersAsString());
        }
        return events;
    }

    protected LibraryJoinedCohort library(String name, String cohort, String timeZone) {
        LibraryJoinedCohort library = new LibraryJoinedCohort("lib-" + name + "-" + suffix, cohort, "Cohort " + suffix,
                name + " Library", name, "IL", timeZone, "contact@" + name + ".test");
        events().publish(Events.LIBRARY_JOINED_COHORT, library.libraryId(), library);
        await().atMost(WAIT).until(() -> roster.library(library.libraryId()).isPresent());
        return library;
    }

    protected MemberAdded member(String name, LibraryJoinedCohort library) {
        MemberAdded member = new MemberAdded("m-" + name + "-" + suffix, name + "-" + suffix + "@library.test",
                name + " Reader", MemberAdded.ROLE_LIBRARY_MEMBER, library.libraryId(), library.cohortId(), null);
        events().publish(Events.MEMBER_ADDED, member.memberId(), member);
        await().atMost(WAIT).until(() -> roster.recipient(member.memberId()).isPresent());
        return member;
    }

    protected SessionScheduled session(String title, Instant startsAt, String zone) {
        String id = "session-" + UUID.randomUUID();
        SessionScheduled session = new SessionScheduled(id, "webinar-" + suffix, title, cohortId, startsAt, 90, zone,
                "https://meet.example.org/" + suffix, null, 0, Instant.parse("2026-11-01T12:00:00Z"));
        return session;
    }

    protected EventEnvelope schedule(SessionScheduled session) {
        EventEnvelope envelope = events().publish(Events.SESSION_SCHEDULED, session.sessionId(), session);
        await().atMost(WAIT).until(() -> sessions.find(session.sessionId()).isPresent());
        return envelope;
    }

    protected void register(String sessionId, MemberAdded member, Instant at) {
        events().publish(Events.SESSION_REGISTERED, sessionId, new SessionRegistered(sessionId, cohortId,
                member.memberId(), member.libraryId(), at));
        await().atMost(WAIT).until(() -> sessions.find(sessionId).map(s -> s.registrants()
                .contains(member.memberId())).orElse(false));
    }

    /** The text/calendar part of an email (the invitation), or null. */
    static String calendarPart(MimeMessage message) throws Exception {
        return find(message.getContent());
    }

    private static String find(Object content) throws Exception {
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                if (part.isMimeType("text/calendar")) {
                    Object body = part.getContent();
                    return body instanceof String text ? text : read((InputStream) body);
                }
                String nested = find(part.getContent());
                if (nested != null) {
                    return nested;
                }
            }
        }
        return null;
    }

    /** The invite.ics attachment's bytes as text, or null. */
    static String attachment(MimeMessage message) throws Exception {
        if (message.getContent() instanceof Multipart mixed) {
            for (int i = 0; i < mixed.getCount(); i++) {
                BodyPart part = mixed.getBodyPart(i);
                if ("invite.ics".equals(part.getFileName())) {
                    Object body = part.getContent();
                    return body instanceof String text ? text : read((InputStream) body);
                }
            }
        }
        return null;
    }

    private static String read(InputStream in) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    static Calendar parse(String ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics));
    }

    static List<MimeMessage> to(MimeMessage[] received, String address, String kind) {
        return java.util.Arrays.stream(received)
                .filter(m -> org.outward.notification.support.Mailbox.to(m).equals(address))
                .filter(m -> org.outward.notification.support.Mailbox.header(m, "X-Outward-Kind").equals(kind))
                .toList();
    }
}
