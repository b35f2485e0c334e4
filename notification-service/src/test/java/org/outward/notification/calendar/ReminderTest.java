package org.outward.notification.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.outward.contracts.Events;
import org.outward.contracts.catalog.LibraryJoinedCohort;
import org.outward.contracts.catalog.MemberAdded;
import org.outward.contracts.catalog.SessionRescheduled;
import org.outward.contracts.catalog.SessionScheduled;
import org.outward.notification.delivery.EmailOutbox;
import org.outward.notification.preference.PreferenceStore;
import org.outward.notification.support.Mailbox;
import org.outward.notification.unsubscribe.UnsubscribeTokens;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Reminders exactly once, over the real wires (sessions and registrations from Kafka, emails to GreenMail), with a
 * clock of the test's own for the reminder passes: a session on the morning summer time begins in Chicago, a
 * reschedule after the first reminder went out, repeated and parallel passes.
 */
class ReminderTest extends CalendarTestSupport {

    @Autowired
    private PreferenceStore preferences;
    @Autowired
    private SessionEmails emails;
    @Autowired
    private EmailOutbox outbox;
    @Autowired
    private UnsubscribeTokens tokens;

    /** A fixed clock the test sets: the reminder passes see exactly these instants. */
    private final AtomicReference<Instant> now = new AtomicReference<>();
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
            return now.get();
        }
    };

    private Reminders reminders() {
        return new Reminders(sessions, roster, preferences, emails, outbox, tokens, fixed);
    }

    private int passAt(String instant) {
        now.set(Instant.parse(instant));
        return reminders().runOnce();
    }

    @Test
    void eachReminderGoesOutOnceAtTheRightLocalTimeAndAMovedSessionsOldOnesNever() throws Exception {
        LibraryJoinedCohort chicago = library("chicago", cohortId, "America/Chicago");
        MemberAdded ana = member("ana", chicago);
        MemberAdded bo = member("bo", chicago);
        MemberAdded cy = member("cy", chicago); // invited, never registers
        // Scheduled in February (standard time) for Sunday 14 March 2027, 10:00 CDT = 15:00Z, the day the clocks
        // go forward.
        SessionScheduled scheduled = session("Calibrating", Instant.parse("2027-03-14T15:00:00Z"), "America/Chicago");
        schedule(scheduled);
        register(scheduled.sessionId(), ana, Instant.parse("2027-02-01T12:00:00Z"));
        register(scheduled.sessionId(), bo, Instant.parse("2027-02-01T12:00:00Z"));

        // 24 hours before is not the day before at 10:00 here: that is 23 hours before.
        assertThat(passAt("2027-03-13T15:00:00Z")).isZero();
        assertThat(passAt("2027-03-13T15:59:00Z")).isZero();
        assertThat(passAt("2027-03-13T16:00:00Z")).isEqualTo(2);
        assertThat(passAt("2027-03-13T16:01:00Z")).as("a second pass sends nothing again").isZero();

        // Bo unregisters; the session moves to 12:00 CDT (17:00Z). Its old hour-before reminder (14:00Z) is never
        // sent; the new time gets reminders of its own.
        events().publish(Events.SESSION_UNREGISTERED, scheduled.sessionId(),
                new org.outward.contracts.catalog.SessionUnregistered(scheduled.sessionId(), cohortId, bo.memberId(),
                        bo.libraryId(), Instant.parse("2027-03-13T17:00:00Z")));
        events().publish(Events.SESSION_RESCHEDULED, scheduled.sessionId(), new SessionRescheduled(
                scheduled.sessionId(), scheduled.webinarId(), scheduled.webinarTitle(), cohortId,
                Instant.parse("2027-03-14T17:00:00Z"), 90, "America/Chicago", scheduled.joinUrl(), null, 1,
                scheduled.startsAt(), Instant.parse("2027-03-13T17:00:00Z")));
        await().atMost(WAIT).until(() -> sessions.find(scheduled.sessionId())
                .map(s -> s.sequence() == 1 && !s.registrants().contains(bo.memberId())).orElse(false));

        assertThat(passAt("2027-03-14T14:00:00Z")).as("day-before reminder of the new time, for Ana").isEqualTo(1);
        assertThat(passAt("2027-03-14T15:30:00Z")).isZero();
        // Eight passes at once (several instances, say) when the hour-before reminder is due: one email.
        now.set(Instant.parse("2027-03-14T16:00:00Z"));
        assertThat(parallel(8)).as("hour-before reminder of the new time, once").isEqualTo(1);
        assertThat(passAt("2027-03-14T16:30:00Z")).isZero();
        assertThat(passAt("2027-03-14T17:00:00Z")).as("started").isZero();

        long oldStart = scheduled.startsAt().getEpochSecond();
        long newStart = Instant.parse("2027-03-14T17:00:00Z").getEpochSecond();
        String prefix = "reminder:" + scheduled.sessionId() + ":";
        await().atMost(WAIT).until(() -> keys(ana).size() == 3 && keys(bo).size() == 1);
        assertThat(keys(ana)).containsExactlyInAnyOrder(
                prefix + ana.memberId() + ":" + oldStart + ":day",
                prefix + ana.memberId() + ":" + newStart + ":day",
                prefix + ana.memberId() + ":" + newStart + ":hour");
        assertThat(keys(bo)).containsExactly(prefix + bo.memberId() + ":" + oldStart + ":day");
        assertThat(keys(cy)).isEmpty();
        assertThat(outbox.exists(prefix + ana.memberId() + ":" + oldStart + ":hour")).as("old one never made")
                .isFalse();
        MimeMessage first = reminderMails(ana).stream()
                .filter(m -> Mailbox.key(m).endsWith(oldStart + ":day")).findFirst().orElseThrow();
        assertThat(first.getSubject()).isEqualTo("Tomorrow: Calibrating, Sunday, March 14, 2027, 10:00 AM CDT");
        MimeMessage hour = reminderMails(ana).stream()
                .filter(m -> Mailbox.key(m).endsWith(newStart + ":hour")).findFirst().orElseThrow();
        assertThat(hour.getSubject()).isEqualTo("In one hour: Calibrating, Sunday, March 14, 2027, 12:00 PM CDT");
    }

    private int parallel(int passes) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(passes);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < passes; i++) {
                results.add(pool.submit((Callable<Integer>) () -> reminders().runOnce()));
            }
            int sum = 0;
            for (Future<Integer> result : results) {
                sum += result.get();
            }
            return sum;
        } finally {
            pool.shutdownNow();
        }
    }

    private List<MimeMessage> reminderMails(MemberAdded member) {
        return to(mail.getReceivedMessages(), member.email(), Reminders.KIND);
    }

    private List<String> keys(MemberAdded member) {
        return reminderMails(member).stream().map(Mailbox::key).toList();
    }
}
