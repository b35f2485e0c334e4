package org.outward.catalog.session;

import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * A live session as the API shows it.
 *
 * @param localStart     the start in the session's own time zone, with its offset on that day
 * @param capacity       seats, or null for no limit
 * @param seatsLeft      null when there is no limit
 * @param sequence       the iCalendar SEQUENCE of its invitations: one more with every change
 * @param version        what If-Match names; registrations and attendance do not change it (they are not edits)
 */
public record SessionView(
        String id,
        String webinarId,
        String webinarTitle,
        String cohortId,
        Instant startsAt,
        Instant endsAt,
        OffsetDateTime localStart,
        int durationMinutes,
        String timeZone,
        String joinUrl,
        Integer capacity,
        int registeredCount,
        Integer seatsLeft,
        int attendedCount,
        SessionState state,
        String cancelReason,
        int sequence,
        long version,
        Instant createdAt,
        Instant updatedAt) {
}
