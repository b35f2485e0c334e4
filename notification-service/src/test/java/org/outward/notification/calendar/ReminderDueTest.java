package org.outward.notification.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * When a reminder is due, on fixed instants around daylight-saving changes: the day-before reminder is at the same
 * wall-clock time the day before on the reader's clock (23 hours before in spring, 25 in autumn), the hour-before
 * one an hour of real time before, each only inside its window.
 */
class ReminderDueTest {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final Instant LONG_AGO = Instant.parse("2026-01-01T00:00:00Z");

    private static CalendarSession session(String start) {
        return new CalendarSession("s-1", "w-1", "Title", "c-1", Instant.parse(start), 60, "America/Chicago",
                "https://meet.example.org/x", 0, "scheduled", null, List.of("m-1"));
    }

    private static Optional<Reminders.Which> at(CalendarSession session, ZoneId zone, String now) {
        return Reminders.due(session, zone, LONG_AGO, Instant.parse(now));
    }

    @Test
    void springForwardTheDayBeforeIsTwentyThreeHoursBefore() {
        // Sunday 14 March 2027, 10:00 CDT (the clocks went forward at 02:00 that night) = 15:00Z.
        CalendarSession session = session("2027-03-14T15:00:00Z");
        // Saturday 10:00 CST = 16:00Z: 23 h before. 24 h before (15:00Z) it is not due yet.
        assertThat(at(session, CHICAGO, "2027-03-13T15:00:00Z")).isEmpty();
        assertThat(at(session, CHICAGO, "2027-03-13T15:59:59Z")).isEmpty();
        assertThat(at(session, CHICAGO, "2027-03-13T16:00:00Z")).contains(Reminders.Which.DAY_BEFORE);
        assertThat(Duration.between(Instant.parse("2027-03-13T16:00:00Z"), session.startsAt())).hasHours(23);
        assertThat(at(session, CHICAGO, "2027-03-14T13:59:59Z")).contains(Reminders.Which.DAY_BEFORE);
        assertThat(at(session, CHICAGO, "2027-03-14T14:00:00Z")).contains(Reminders.Which.HOUR_BEFORE);
        assertThat(at(session, CHICAGO, "2027-03-14T15:00:00Z")).as("started").isEmpty();
    }

    @Test
    void fallBackTheDayBeforeIsTwentyFiveHoursBefore() {
        // Sunday 7 November 2027, 10:00 CST (the clocks went back at 02:00) = 16:00Z; Saturday 10:00 CDT = 15:00Z.
        CalendarSession session = session("2027-11-07T16:00:00Z");
        assertThat(at(session, CHICAGO, "2027-11-06T14:59:59Z")).isEmpty();
        assertThat(at(session, CHICAGO, "2027-11-06T15:00:00Z")).contains(Reminders.Which.DAY_BEFORE);
        assertThat(Duration.between(Instant.parse("2027-11-06T15:00:00Z"), session.startsAt())).hasHours(25);
    }

    @Test
    void theReadersClockDecidesTheDayBeforeAndLateRegistrantsGetOnlyTheHourBefore() {
        CalendarSession session = session("2027-03-14T15:00:00Z");
        // A reader in Phoenix (no summer time): 08:00 MST the day before = 15:00Z, exactly 24 h.
        ZoneId phoenix = ZoneId.of("America/Phoenix");
        assertThat(at(session, phoenix, "2027-03-13T14:59:59Z")).isEmpty();
        assertThat(at(session, phoenix, "2027-03-13T15:00:00Z")).contains(Reminders.Which.DAY_BEFORE);
        // Registered after the day-before reminder was due: nothing until the hour before.
        Instant late = Instant.parse("2027-03-14T01:00:00Z");
        assertThat(Reminders.due(session, CHICAGO, late, Instant.parse("2027-03-14T02:00:00Z"))).isEmpty();
        assertThat(Reminders.due(session, CHICAGO, late, Instant.parse("2027-03-14T14:00:00Z")))
                .contains(Reminders.Which.HOUR_BEFORE);
    }
}
