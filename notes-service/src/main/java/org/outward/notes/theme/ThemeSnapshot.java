package org.outward.notes.theme;

import java.time.Instant;
import java.util.List;
import org.outward.contracts.notes.ThemesUpdated;

/**
 * The last computed top themes of one theme set, as stored in {@code theme_snapshots}.
 *
 * @param id        {@code library:<libraryId>}, {@code library-shared:<libraryId>} or {@code cohort:<cohortId>}
 * @param scope     one of {@link #LIBRARY}, {@link #LIBRARY_SHARED}, {@link #COHORT}
 * @param noteCount how many notes the computation used
 * @param version   goes up with every recomputation (optimistic concurrency)
 */
public record ThemeSnapshot(String id, String scope, String libraryId, String cohortId, int noteCount,
        Instant computedAt, long version, List<Theme> themes) {

    /** All of a library's notes, private ones included: read by its members and staff only, never published. */
    public static final String LIBRARY = "library";
    /** A library's notes shared with its cohort: the only library-level set that leaves this service. */
    public static final String LIBRARY_SHARED = ThemesUpdated.SCOPE_LIBRARY_SHARED;
    /** Every note shared in a cohort. */
    public static final String COHORT = ThemesUpdated.SCOPE_COHORT;

    public List<String> keys() {
        return themes.stream().map(Theme::key).toList();
    }

    static String libraryId(String libraryId) {
        return LIBRARY + ":" + libraryId;
    }

    static String librarySharedId(String libraryId) {
        return LIBRARY_SHARED + ":" + libraryId;
    }

    static String cohortId(String cohortId) {
        return COHORT + ":" + cohortId;
    }
}
