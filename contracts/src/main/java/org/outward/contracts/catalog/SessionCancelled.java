package org.outward.contracts.catalog;

import java.time.Instant;

/**
 * A session was called off; it keeps its id and will not take place. Subject: sessionId.
 *
 * @param sequence higher than in any earlier event of the session
 * @param reason   what staff wrote, or null
 */
public record SessionCancelled(
        String sessionId,
        String webinarId,
        String webinarTitle,
        String cohortId,
        Instant startsAt,
        int durationMinutes,
        String timeZone,
        int sequence,
        String reason,
        Instant cancelledAt) {
}
