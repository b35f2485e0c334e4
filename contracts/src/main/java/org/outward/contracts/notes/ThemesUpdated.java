package org.outward.contracts.notes;

import java.time.Instant;
import java.util.List;

/**
 * The top themes of a library, or of a whole cohort (notes shared with the cohort only), changed.
 * Subject: the library id, or {@code cohort:<cohortId>} for the cohort.
 *
 * @param scope     {@code library} or {@code cohort}
 * @param libraryId the library for scope library, else null
 * @param themes    the new top themes, strongest first
 */
public record ThemesUpdated(String scope, String libraryId, String cohortId, List<ThemeData> themes,
        Instant computedAt) {

    public static final String SCOPE_LIBRARY = "library";
    public static final String SCOPE_COHORT = "cohort";
}
