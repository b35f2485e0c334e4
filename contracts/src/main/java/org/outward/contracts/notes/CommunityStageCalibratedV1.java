package org.outward.contracts.notes;

import java.time.Instant;
import java.util.List;

/**
 * Version 1 of {@code CommunityStageCalibrated}, no longer produced: it carried the library's free-text
 * {@code reasons} and every supporting note id, private ones included. Consumers that still read it use the
 * stage only.
 */
public record CommunityStageCalibratedV1(
        String calibrationId,
        String libraryId,
        String cohortId,
        String stage,
        String previousStage,
        String reasons,
        List<String> supportingNoteIds,
        String calibratedBy,
        Instant calibratedAt) {
}
