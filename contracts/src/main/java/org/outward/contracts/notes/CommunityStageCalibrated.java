package org.outward.contracts.notes;

import java.time.Instant;
import java.util.List;

/**
 * A library recorded which stage of community life its community is in. Subject: libraryId.
 *
 * @param stage         {@code waiting-place}, {@code impasse}, {@code catalytic}, {@code growth} or
 *                      {@code sustain-and-renew}
 * @param previousStage the stage recorded before, or null for the first calibration
 */
public record CommunityStageCalibrated(
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
