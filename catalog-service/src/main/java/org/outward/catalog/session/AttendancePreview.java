package org.outward.catalog.session;

import java.util.List;
import org.outward.platform.errors.FieldError;

/**
 * What an attendance CSV would record, before anything is saved.
 *
 * @param rows      data rows read (blank lines and the header not counted)
 * @param matched   rows naming a library member of the session's cohort (each person once)
 * @param unmatched well-formed addresses nobody of the cohort has
 * @param errors    rows that are not usable at all, by line ({@code field}: "line N")
 */
public record AttendancePreview(String sessionId, int rows, List<Match> matched, List<Unmatched> unmatched,
        List<FieldError> errors) {

    /** @param alreadyAttended the person is marked attended already: committing changes nothing for them */
    public record Match(int line, String email, String memberId, String name, String libraryId,
            boolean alreadyAttended) {
    }

    public record Unmatched(int line, String email, String reason) {
    }
}
