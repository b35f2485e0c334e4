package org.outward.notification.calendar;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * A live session as this service last heard of it (from the sessions topic), with the people registered.
 *
 * @param sequence  the iCalendar SEQUENCE of its latest event
 * @param state     scheduled, rescheduled or cancelled
 * @param registrants member ids
 */
public record CalendarSession(
        String sessionId,
        String webinarId,
        String title,
        String cohortId,
        Instant startsAt,
        int durationMinutes,
        String timeZone,
        String joinUrl,
        int sequence,
        String state,
        String cancelReason,
        List<String> registrants) {

    public static final String CANCELLED = "cancelled";

    public boolean cancelled() {
        return CANCELLED.equals(state);
    }

    public Instant endsAt() {
        return startsAt.plusSeconds(durationMinutes * 60L);
    }

    /** The start on the session's own wall clock. */
    public ZonedDateTime localStart() {
        return startsAt.atZone(ZoneId.of(timeZone));
    }
}
