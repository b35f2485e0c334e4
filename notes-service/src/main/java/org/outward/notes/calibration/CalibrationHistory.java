package org.outward.notes.calibration;

import java.util.List;

/**
 * A library's calibrations, newest first.
 *
 * @param current the latest stage, or null before the first calibration
 */
public record CalibrationHistory(String libraryId, String cohortId, CommunityStage current, long version,
        List<Calibration> history) {

    static CalibrationHistory empty(String libraryId) {
        return new CalibrationHistory(libraryId, null, null, 0, List.of());
    }
}
