package org.outward.catalog.session;

/**
 * What a committed attendance CSV recorded.
 *
 * @param added           people newly marked attended (one event each)
 * @param alreadyAttended people of the file who were marked already
 * @param unmatchedSkipped rows nobody of the cohort matched, left out on request
 */
public record AttendanceResult(String sessionId, int added, int alreadyAttended, int unmatchedSkipped,
        int attendedCount) {
}
