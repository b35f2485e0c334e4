package org.outward.notification.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.outward.contracts.Events;
import org.outward.contracts.catalog.CohortCreated;
import org.outward.contracts.catalog.CohortUpdated;
import org.outward.contracts.catalog.LibraryJoinedCohort;
import org.outward.contracts.catalog.LibraryUpdated;
import org.outward.contracts.catalog.MemberAdded;
import org.outward.contracts.catalog.MemberUpdated;
import org.outward.contracts.catalog.MilestoneData;
import org.outward.contracts.catalog.SessionCancelled;
import org.outward.contracts.catalog.SessionRescheduled;
import org.outward.contracts.catalog.SessionScheduled;
import org.outward.notification.delivery.EmailOutbox;
import org.outward.notification.preference.PreferenceStore;
import org.outward.notification.preference.Preferences;
import org.outward.notification.support.Api;
import org.outward.notification.unsubscribe.UnsubscribeTokens;
import org.outward.platform.test.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What roster changes do to live-session email and calendars, over the real wires: people who join after sessions
 * were scheduled are invited to the ones still ahead (once, at their current SEQUENCE); a library's new time zone
 * moves its people's reminders and digest hour; a cohort's new dates are its feed's new milestones.
 */
class RosterChangesTest extends CalendarTestSupport {

    @Autowired
    private PreferenceStore preferences;
    @Autowired
    private SessionEmails emails;
    @Autowired
    private EmailOutbox outbox;
    @Autowired
    private UnsubscribeTokens tokens;

    @Test
    void someoneWhoJoinsLaterIsInvitedToTheSessionsStillAheadOnceEach() throws Exception {
        LibraryJoinedCohort oak = library("oak", cohortId, "America/Chicago");
        LibraryJoinedCohort elm = library("elm", cohortId, "America/New_York");
        MemberAdded ana = member("ana", oak);
        Instant ahead = clock.instant().plus(java.time.Duration.ofDays(20));
        SessionScheduled first = session("First", ahead, "America/Chicago");
        SessionScheduled moved = session("Moved", ahead.plus(java.time.Duration.ofDays(1)), "America/Chicago");
        SessionScheduled called = session("Called off", ahead.plus(java.time.Duration.ofDays(2)), "America/Chicago");
        schedule(first);
        schedule(moved);
        schedule(called);
        events().publish(Events.SESSION_RESCHEDULED, moved.sessionId(), new SessionRescheduled(moved.sessionId(),
                moved.webinarId(), moved.webinarTitle(), cohortId, moved.startsAt().plusSeconds(3600), 90,
                "America/Chicago", moved.joinUrl(), null, 1, moved.startsAt(), clock.instant()));
        events().publish(Events.SESSION_CANCELLED, called.sessionId(), new SessionCancelled(called.sessionId(),
                called.webinarId(), called.webinarTitle(), cohortId, called.startsAt(), 90, "America/Chicago", 1,
                "No room", clock.instant()));
        InvitationTest.awaitOne(ana.email(), moved.sessionId(), 1);
        InvitationTest.awaitOne(ana.email(), called.sessionId(), 1);
        int anasBefore = to(mail.getReceivedMessages(), ana.email(), InvitationNotices.KIND).size();
        assertThat(anasBefore).as("first, moved twice (0, 1), called off twice (0, 1)").isEqualTo(5);

        // Bo joins now: the first session as scheduled, the moved one as it is now, nothing for the one called off.
        MemberAdded bo = member("bo", oak);
        MimeMessage toFirst = InvitationTest.awaitOne(bo.email(), first.sessionId(), 0);
        MimeMessage toMoved = InvitationTest.awaitOne(bo.email(), moved.sessionId(), 1);
        Calendar invitation = parse(calendarPart(toMoved));
        VEvent event = (VEvent) invitation.getComponent("VEVENT").orElseThrow();
        assertThat(invitation.getProperty("METHOD").orElseThrow().getValue()).isEqualTo("REQUEST");
        assertThat(event.getProperty("UID").orElseThrow().getValue())
                .isEqualTo("session-" + moved.sessionId() + "@outward.local");
        assertThat(event.getProperty("SEQUENCE").orElseThrow().getValue()).isEqualTo("1");
        assertThat(parse(invitation.toString())).isEqualTo(invitation);
        assertThat(parse(calendarPart(toFirst)).getComponent("VEVENT").orElseThrow().getProperty("SEQUENCE")
                .orElseThrow().getValue()).isEqualTo("0");

        // Ana moves to the other library of the cohort, and a member whose library arrives after them joins: the
        // first is invited to nothing again, the second to both sessions once their library is known.
        events().publish(Events.MEMBER_UPDATED, ana.memberId(), new MemberUpdated(ana.memberId(), ana.email(),
                ana.name(), ana.role(), elm.libraryId(), cohortId, null, oak.libraryId()));
        LibraryJoinedCohort late = new LibraryJoinedCohort("lib-late-" + suffix, cohortId, "Cohort " + suffix,
                "Late Library", "Late", "IL", "UTC", "contact@late.test");
        MemberAdded cy = new MemberAdded("m-cy-" + suffix, "cy-" + suffix + "@library.test", "Cy Reader",
                MemberAdded.ROLE_LIBRARY_MEMBER, late.libraryId(), cohortId, null);
        events().publish(Events.MEMBER_ADDED, cy.memberId(), cy);
        await().atMost(WAIT).until(() -> roster.recipient(cy.memberId()).isPresent());
        events().publish(Events.LIBRARY_JOINED_COHORT, late.libraryId(), late);
        InvitationTest.awaitOne(cy.email(), first.sessionId(), 0);
        InvitationTest.awaitOne(cy.email(), moved.sessionId(), 1);
        await().atMost(WAIT).until(() -> roster.recipient(ana.memberId()).map(r -> r.libraryId()
                .equals(elm.libraryId())).orElse(false));

        assertThat(to(mail.getReceivedMessages(), ana.email(), InvitationNotices.KIND)).hasSize(anasBefore);
        assertThat(to(mail.getReceivedMessages(), bo.email(), InvitationNotices.KIND)).hasSize(2);
        assertThat(to(mail.getReceivedMessages(), cy.email(), InvitationNotices.KIND)).hasSize(2);
    }

    @Test
    void aLibrarysNewTimeZoneMovesItsPeoplesRemindersAndDigestHour() {
        LibraryJoinedCohort moving = library("moving", cohortId, "UTC");
        MemberAdded dee = member("dee", moving);
        // Sunday 12 March 2028, 15:00Z: 10:00 in Chicago on the day summer time begins there, 15:00 in UTC.
        SessionScheduled session = session("Moving clocks", Instant.parse("2028-03-12T15:00:00Z"), "UTC");
        schedule(session);
        register(session.sessionId(), dee, Instant.parse("2027-02-01T12:00:00Z"));
        assertThat(preferences.of(roster.recipient(dee.memberId()).orElseThrow()).timeZone()).isEqualTo("UTC");
        // Dee saves preferences without choosing a zone of her own: she keeps following her library's.
        Api.Response saved = new Api(port).as(TestTokens.builder().email(dee.email()).roles("library-member")
                .library(moving.libraryId()).cohort(cohortId).sign())
                .put("/api/notifications/preferences/me", "{\"timeZone\":\"UTC\",\"hour\":7}");
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);

        events().publish(Events.LIBRARY_UPDATED, moving.libraryId(), new LibraryUpdated(moving.libraryId(), cohortId,
                "Cohort " + suffix, "Moving Library", "Moving", "IL", "America/Chicago", "contact@moving.test"));
        await().atMost(WAIT).until(() -> roster.library(moving.libraryId())
                .map(l -> l.timeZone().equals("America/Chicago")).orElse(false));

        Preferences now = preferences.of(roster.recipient(dee.memberId()).orElseThrow());
        assertThat(now.timeZone()).as("the digest hour is 07:00 in Chicago now").isEqualTo("America/Chicago");
        assertThat(now.hour()).isEqualTo(7);
        // The day before at 10:00 in Chicago is 16:00Z (23 hours before), no longer 15:00Z as in UTC.
        assertThat(passAt("2028-03-11T15:30:00Z")).isZero();
        assertThat(passAt("2028-03-11T16:00:00Z")).isEqualTo(1);
        assertThat(outbox.exists("reminder:" + session.sessionId() + ":" + dee.memberId() + ":"
                + session.startsAt().getEpochSecond() + ":day")).isTrue();
    }

    @Test
    void aCohortsNewDatesAreItsFeedsMilestonesWhateverTheOrderTheyArriveIn() {
        LibraryJoinedCohort library = library("dates", cohortId, "UTC");
        MemberAdded eve = member("eve", library);
        MilestoneData oldEnd = new MilestoneData(MilestoneData.COHORT_END, LocalDate.parse("2028-06-30"), "Cohort ends");
        MilestoneData newEnd = new MilestoneData(MilestoneData.COHORT_END, LocalDate.parse("2028-09-30"),
                "Cohort ends (moved)");
        events().publish(Events.COHORT_UPDATED, cohortId, new CohortUpdated(cohortId, "Dates " + suffix,
                "dates-" + suffix, LocalDate.parse("2027-01-01"), LocalDate.parse("2028-09-30"), List.of(newEnd), 2));
        // The creation arrives late: version 1 changes nothing.
        events().publish(Events.COHORT_CREATED, cohortId, new CohortCreated(cohortId, "Dates " + suffix,
                "dates-" + suffix, LocalDate.parse("2027-01-01"), LocalDate.parse("2028-06-30"), List.of(oldEnd), 1));
        Api member = new Api(port).as(TestTokens.builder().email(eve.email()).roles("library-member")
                .library(library.libraryId()).cohort(cohortId).sign());
        String path = member.get("/api/notifications/calendar/me").json().path("url").asString()
                .substring("https://outward.example".length());
        Api anonymous = new Api(port);
        await().atMost(WAIT).until(() -> anonymous.get(path).body().contains("Cohort ends (moved)"));
        // The calendar's inbox shows the late creation was processed too, and changed nothing.
        await().atMost(WAIT).until(() -> mongo.getCollection("inbox.calendar").countDocuments(
                new org.bson.Document("type", "CohortCreated").append("subject", cohortId)) == 1);
        String feed = anonymous.get(path).body();
        assertThat(feed).contains("Cohort ends (moved)", "20280930").doesNotContain("20280630");
    }

    // ---- reminder passes at instants of the test's choosing ----

    private final AtomicReference<Instant> passTime = new AtomicReference<>();
    private final Clock fixed = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return passTime.get();
        }
    };

    private int passAt(String instant) {
        passTime.set(Instant.parse(instant));
        return new Reminders(sessions, roster, preferences, emails, outbox, tokens, fixed).runOnce();
    }
}
