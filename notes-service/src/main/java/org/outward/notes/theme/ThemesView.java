package org.outward.notes.theme;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The prevalent themes of one set, strongest first: {@code scope} {@code library} (all of a library's notes),
 * {@code library-shared} (a library's notes shared with its cohort) or {@code cohort} (shared notes only).
 *
 * @param from       start of the conversation-date range, or null (all notes)
 * @param to         end of the range (inclusive), or null
 * @param noteCount  notes the computation used
 * @param computedAt when they were computed (a snapshot may be a moment older than the newest note)
 */
public record ThemesView(String scope, String libraryId, String cohortId, LocalDate from, LocalDate to,
        int noteCount, Instant computedAt, List<Theme> themes) {
}
