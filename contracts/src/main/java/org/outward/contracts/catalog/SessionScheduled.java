package org.outward.contracts.catalog;

import java.time.Instant;

/**
 * A live session of a webinar was scheduled for a cohort. Subject: sessionId.
 *
 * @param startsAt        the start as an instant; {@code timeZone} says how to show it
 * @param timeZone        the zone the session was planned in (an IANA id such as America/Chicago)
 * @param capacity        seats, or null for no limit
 * @param sequence        the iCalendar SEQUENCE of this version of the session: 0 when scheduled, one more with
 *                        every later change, so calendars replace the entry they have
 */
public record SessionScheduled(
        String sessionId,
        String webinarId,
        String webinarTitle,
        String cohortId,
        Instant startsAt,
        int durationMinutes,
        String timeZone,
        String joinUrl,
        Integer capacity,
        int sequence,
        Instant scheduledAt) {
}
