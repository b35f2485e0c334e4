package org.outward.catalog.progress;

import java.util.List;

/** A cohort's progress: one row per library, one cell per published webinar (in series order). */
public record ProgressMatrix(String cohortId, String cohortName, List<Column> webinars, List<Row> rows) {

    public record Column(String webinarId, String slug, String title, int seriesPosition, List<String> resourceKeys) {
    }

    public record Row(String libraryId, String libraryName, List<Cell> cells) {
    }

    /** @param resourcesDone the keys of this webinar's current resources the library marked done */
    public record Cell(String webinarId, boolean watched, List<String> resourcesDone, int resourcesTotal) {
    }
}
