package org.outward.notes.theme;

import java.time.Instant;
import java.util.List;

/**
 * The last computed top themes of one scope, as stored in {@code theme_snapshots}.
 *
 * @param id        {@code library:<libraryId>} or {@code cohort:<cohortId>}
 * @param noteCount how many notes the computation used
 * @param version   goes up with every recomputation (optimistic concurrency)
 */
public record ThemeSnapshot(String id, String scope, String libraryId, String cohortId, int noteCount,
        Instant computedAt, long version, List<Theme> themes) {

    public List<String> keys() {
        return themes.stream().map(Theme::key).toList();
    }

    static String libraryId(String libraryId) {
        return "library:" + libraryId;
    }

    static String cohortId(String cohortId) {
        return "cohort:" + cohortId;
    }
}
