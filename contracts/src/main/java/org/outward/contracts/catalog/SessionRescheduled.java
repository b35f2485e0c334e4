package org.outward.contracts.catalog;

import java.time.Instant;

/**
 * A scheduled session changed: its time, length, zone, join link or capacity. Carries the whole new state, like
 * {@link SessionScheduled}. Subject: sessionId.
 *
 * @param previousStartsAt the start before this change (equal to startsAt when only other details changed)
 * @param sequence         higher than in any earlier event of the session
 */
public record SessionRescheduled(
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
        Instant previousStartsAt,
        Instant rescheduledAt) {
}
