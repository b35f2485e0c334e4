package org.outward.notes.calibration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A library's judgement of its community's stage.
 *
 * @param libraryId         optional: the caller's own library is the only one allowed
 * @param supportingNoteIds notes of that library that support the judgement (may be empty)
 */
public record CalibrationRequest(
        @Size(max = 100) String libraryId,
        @NotNull CommunityStage stage,
        @NotBlank @Size(max = 4000) String reasons,
        @Size(max = 50) List<@NotBlank @Size(max = 100) String> supportingNoteIds) {
}
