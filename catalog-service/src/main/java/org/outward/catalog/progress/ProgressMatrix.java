package org.outward.catalog.progress;

import java.util.List;

/**
 * A cohort's progress: one row per library, one cell per published webinar (in series order). A webinar is done
 * for a library when it marked it watched or one of its people has it done (attended a session, watched the
 * recording); the series is complete for the library when every webinar is done.
 */
public record ProgressMatrix(String cohortId, String cohortName, List<Column> webinars, List<Row> rows) {

    public record Column(String webinarId, String slug, String title, int seriesPosition, List<String> resourceKeys) {
    }

    public record Row(String libraryId, String libraryName, List<Cell> cells, int doneCount, boolean complete) {
    }

    /**
     * @param resourcesDone the keys of this webinar's current resources the library marked done
     * @param peopleDone    how many of the library's people have the webinar done
     */
    public record Cell(String webinarId, boolean watched, List<String> resourcesDone, int resourcesTotal,
            int peopleDone, boolean done) {
    }
}
