package org.outward.contracts.notes;

import java.time.Instant;
import java.util.List;

/**
 * A library recorded which stage of community life its community is in. Subject: libraryId. Version 2 (the
 * one produced): the library's reasons stay out of it (free text that may describe private notes) and of its
 * supporting notes only those shared with the cohort are named. The full calibration is read through the API
 * by the library and staff.
 *
 * @param stage                   {@code waiting-place}, {@code impasse}, {@code catalytic}, {@code growth} or
 *                                {@code sustain-and-renew}
 * @param previousStage           the stage recorded before, or null for the first calibration
 * @param sharedSupportingNoteIds the supporting notes that were shared with the cohort when it was recorded
 */
public record CommunityStageCalibrated(
        String calibrationId,
        String libraryId,
        String cohortId,
        String stage,
        String previousStage,
        List<String> sharedSupportingNoteIds,
        String calibratedBy,
        Instant calibratedAt) {
}
