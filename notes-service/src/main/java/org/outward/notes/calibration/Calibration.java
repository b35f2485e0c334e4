package org.outward.notes.calibration;

import java.time.Instant;
import java.util.List;

/** One recorded judgement of a library's community stage; {@code previousStage} is null for the first. */
public record Calibration(String id, CommunityStage stage, CommunityStage previousStage, String reasons,
        List<String> supportingNoteIds, String calibratedBy, Instant calibratedAt) {
}
