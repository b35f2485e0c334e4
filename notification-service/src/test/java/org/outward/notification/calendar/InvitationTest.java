package org.outward.notification.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.Attendee;
import org.junit.jupiter.api.Test;
import org.outward.contracts.EventEnvelope;
import org.outward.contracts.Events;
import org.outward.contracts.catalog.LibraryJoinedCohort;
import org.outward.contracts.catalog.MemberAdded;
import org.outward.contracts.catalog.SessionCancelled;
import org.outward.contracts.catalog.SessionRescheduled;
import org.outward.contracts.catalog.SessionScheduled;
import org.outward.notification.preference.Frequency;
import org.outward.notification.preference.NewsKind;
import org.outward.notification.preference.PreferenceStore;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Invitations over the real wires (Kafka in, GreenMail out): the cohort's library members get a REQUEST when a
 * session is scheduled, a REQUEST with the same UID and a higher SEQUENCE when it moves, and a CANCEL when it is
 * called off; each iCalendar part is parsed with ical4j, checked field by field, and round-tripped.
 */
class InvitationTest extends CalendarTestSupport {

    @Autowired
    private PreferenceStore preferences;

    @Test
    void scheduledMovedAndCancelledSessionsReachTheInvitedWithOneCalendarEntry() throws Exception {
        LibraryJoinedCohort chicago = library("chicago", cohortId, "America/Chicago");
        LibraryJoinedCohort elsewhere = library("elsewhere", "other-" + cohortId, "UTC");
        MemberAdded ana = member("ana", chicago);
        MemberAdded off = member("off", chicago);
        MemberAdded stranger = member("stranger", elsewhere);
        preferences.setKinds(roster.recipient(off.memberId()).orElseThrow(), List.of(NewsKind.SESSION_REMINDERS),
                Frequency.OFF);

        // A month ahead, 10:00 in Chicago.
        ZonedDateTime start = ZonedDateTime.ofInstant(clock.instant(), java.time.ZoneId.of("America/Chicago"))
                .plusDays(30).withHour(10).truncatedTo(ChronoUnit.HOURS);
        SessionScheduled scheduled = session("Turning outward, live", start.toInstant(), "America/Chicago");
        EventEnvelope first = schedule(scheduled);
        MimeMessage invitation = awaitOne(ana.email(), scheduled.sessionId(), 0);
        String ics = calendarPart(invitation);
        System.out.println("---- generated invitation (" + scheduled.sessionId() + ") ----\n" + ics + "----");

        Calendar calendar = parse(ics);
        assertThat(calendar.getProperty("METHOD").orElseThrow().getValue()).isEqualTo("REQUEST");
        assertThat(calendar.getProperty("PRODID").orElseThrow().getValue()).isEqualTo(CalendarFiles.PRODUCT);
        VTimeZone zone = (VTimeZone) calendar.getComponent("VTIMEZONE").orElseThrow();
        assertThat(zone.getProperty("TZID").orElseThrow().getValue()).isEqualTo("America/Chicago");
        VEvent event = (VEvent) calendar.getComponent("VEVENT").orElseThrow();
        String uid = "session-" + scheduled.sessionId() + "@outward.local";
        assertThat(event.getProperty("UID").orElseThrow().getValue()).isEqualTo(uid);
        assertThat(event.getProperty("SEQUENCE").orElseThrow().getValue()).isEqualTo("0");
        assertThat(event.getProperty("STATUS").orElseThrow().getValue()).isEqualTo("CONFIRMED");
        assertThat(event.getProperty("DTSTART").orElseThrow().getParameter("TZID").orElseThrow().getValue())
                .isEqualTo("America/Chicago");
        assertThat(event.getProperty("DTSTART").orElseThrow().getValue())
                .isEqualTo(start.toLocalDateTime().toString().replace("-", "").replace(":", "") + "00");
        assertThat(event.getProperty("SUMMARY").orElseThrow().getValue()).isEqualTo("Live session: Turning outward, live");
        assertThat(((Attendee) event.getProperty("ATTENDEE").orElseThrow()).getCalAddress().toString())
                .isEqualTo("mailto:" + ana.email());
        assertThat(event.getProperty("ORGANIZER").orElseThrow().getValue()).isEqualTo("mailto:no-reply@outward.local");
        assertThat(ics.split("\r\n")).allSatisfy(line -> assertThat(line.getBytes(
                java.nio.charset.StandardCharsets.UTF_8).length).as("folded line").isLessThanOrEqualTo(75));
        // Round trip: what ical4j writes back parses to the same calendar.
        assertThat(parse(calendar.toString())).isEqualTo(calendar);
        assertThat(attachment(invitation)).isEqualTo(ics);
        assertThat(invitation.getContentType()).startsWith("multipart/mixed");

        // Moved two hours later: same UID, higher SEQUENCE, new start.
        SessionRescheduled moved = new SessionRescheduled(scheduled.sessionId(), scheduled.webinarId(),
                scheduled.webinarTitle(), cohortId, start.plusHours(2).toInstant(), 90, "America/Chicago",
                scheduled.joinUrl(), null, 1, start.toInstant(), clock.instant());
        events().publish(Events.SESSION_RESCHEDULED, scheduled.sessionId(), moved);
        Calendar update = parse(calendarPart(awaitOne(ana.email(), scheduled.sessionId(), 1)));
        VEvent updated = (VEvent) update.getComponent("VEVENT").orElseThrow();
        assertThat(update.getProperty("METHOD").orElseThrow().getValue()).isEqualTo("REQUEST");
        assertThat(updated.getProperty("UID").orElseThrow().getValue()).isEqualTo(uid);
        assertThat(updated.getProperty("SEQUENCE").orElseThrow().getValue()).isEqualTo("1");
        assertThat(updated.getProperty("DTSTART").orElseThrow().getValue()).endsWith("T120000");
        assertThat(parse(update.toString())).isEqualTo(update);

        SessionCancelled cancelled = new SessionCancelled(scheduled.sessionId(), scheduled.webinarId(),
                scheduled.webinarTitle(), cohortId, moved.startsAt(), 90, "America/Chicago", 2, "Snow", clock.instant());
        events().publish(Events.SESSION_CANCELLED, scheduled.sessionId(), cancelled);
        MimeMessage cancellation = awaitOne(ana.email(), scheduled.sessionId(), 2);
        Calendar cancel = parse(calendarPart(cancellation));
        VEvent gone = (VEvent) cancel.getComponent("VEVENT").orElseThrow();
        assertThat(cancel.getProperty("METHOD").orElseThrow().getValue()).isEqualTo("CANCEL");
        assertThat(gone.getProperty("UID").orElseThrow().getValue()).isEqualTo(uid);
        assertThat(gone.getProperty("SEQUENCE").orElseThrow().getValue()).isEqualTo("2");
        assertThat(gone.getProperty("STATUS").orElseThrow().getValue()).isEqualTo("CANCELLED");
        assertThat(cancellation.getSubject()).startsWith("Cancelled: Turning outward, live");
        assertThat(parse(cancel.toString())).isEqualTo(cancel);

        // Nobody outside the cohort, nobody who switched these emails off; and each event reached Ana once.
        MimeMessage[] all = mail.getReceivedMessages();
        assertThat(to(all, stranger.email(), InvitationNotices.KIND)).isEmpty();
        assertThat(to(all, off.email(), InvitationNotices.KIND)).isEmpty();
        assertThat(to(all, ana.email(), InvitationNotices.KIND)).hasSize(3);
        assertThat(sessions.find(scheduled.sessionId()).orElseThrow().sequence()).isEqualTo(2);

        // A redelivery of the first event, and a stale copy of it under a new id, change neither the stored
        // session nor send anything: the marker event published after them proves they were processed.
        events().send(org.outward.contracts.Topics.CATALOG_SESSIONS, first);
        events().publish(Events.SESSION_SCHEDULED, scheduled.sessionId(), scheduled);
        SessionScheduled marker = session("Marker", start.toInstant(), "America/Chicago");
        schedule(marker);
        awaitOne(ana.email(), marker.sessionId(), 0);
        assertThat(sessions.find(scheduled.sessionId()).orElseThrow().cancelled()).isTrue();
        assertThat(to(mail.getReceivedMessages(), ana.email(), InvitationNotices.KIND)).hasSize(4);
    }

    /** The invitation to the session at this SEQUENCE (one email per session change and person). */
    static MimeMessage awaitOne(String address, String sessionId, int sequence) {
        String prefix = InvitationNotices.KIND + ":" + sessionId + ":" + sequence + ":";
        await().atMost(WAIT).until(() -> to(mail.getReceivedMessages(), address, InvitationNotices.KIND).stream()
                .anyMatch(m -> org.outward.notification.support.Mailbox.key(m).startsWith(prefix)));
        return to(mail.getReceivedMessages(), address, InvitationNotices.KIND).stream()
                .filter(m -> org.outward.notification.support.Mailbox.key(m).startsWith(prefix))
                .findFirst().orElseThrow();
    }
}
