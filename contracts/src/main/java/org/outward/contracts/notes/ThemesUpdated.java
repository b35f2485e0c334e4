package org.outward.contracts.notes;

import java.time.Instant;
import java.util.List;

/**
 * The top themes of a theme set changed. Version 2 (the one produced) only ever carries sets computed from
 * notes shared with the cohort: scope {@value #SCOPE_LIBRARY_SHARED} (one library's shared notes; subject: the
 * library id) or {@value #SCOPE_COHORT} (every shared note of the cohort; subject {@code cohort:<cohortId>}).
 * Version 1 (still accepted, never produced) had scope {@value #SCOPE_LIBRARY}, computed from ALL of a
 * library's notes, private ones included: consumers must ignore v1 library-scope events.
 *
 * @param scope     {@code library-shared} or {@code cohort} (v2); {@code library} or {@code cohort} (v1)
 * @param libraryId the library for a library scope, else null
 * @param themes    the new top themes, strongest first
 */
public record ThemesUpdated(String scope, String libraryId, String cohortId, List<ThemeData> themes,
        Instant computedAt) {

    /** Version 1 only: all of a library's notes. Never to be shown outside the library. */
    public static final String SCOPE_LIBRARY = "library";
    /** Version 2: a library's notes shared with its cohort. */
    public static final String SCOPE_LIBRARY_SHARED = "library-shared";
    public static final String SCOPE_COHORT = "cohort";
}
