package org.outward.catalog.timeline;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One entry of a cohort's timeline.
 *
 * @param kind      {@code cohort-start}, {@code cohort-end}, {@code calibration-expected}, {@code report-due} or
 *                  {@code session}
 * @param on        the date (for a session: its date in the session's own time zone)
 * @param startsAt  for a session: when it starts; else null
 * @param sessionId for a session: its id (with webinarId and state); else null
 * @param state     for a session: scheduled, rescheduled or cancelled; else null
 */
public record Milestone(String kind, LocalDate on, Instant startsAt, String title, String sessionId,
        String webinarId, String state) {
}
