package org.outward.catalog.progress;

import java.util.List;

/**
 * A cohort's progress person by person: one row per library-team member, one cell per published webinar in
 * series order. A webinar is done for a person when they attended one of its sessions or watched its recording;
 * the series is complete for them when every webinar is done.
 */
public record PeopleMatrix(String cohortId, String cohortName, List<ProgressMatrix.Column> webinars, List<Row> rows) {

    public record Row(String memberId, String name, String libraryId, String libraryName, List<Cell> cells,
            int doneCount, boolean complete) {
    }

    /** @param attendedSessions the sessions of this webinar the person attended (cancelled ones never count) */
    public record Cell(String webinarId, boolean watchedRecording, List<String> attendedSessions, boolean done) {
    }
}
