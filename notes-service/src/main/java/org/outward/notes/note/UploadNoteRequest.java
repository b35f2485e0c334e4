package org.outward.notes.note;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * Body of {@code POST /api/notes}. Until authentication arrives, the library (and cohort) come
 * from the body; later they come from the caller's token and these two fields go away.
 *
 * @param cohortId     optional; required when {@code visibility} is {@code cohort}
 * @param body         plain text or Markdown, stored as sent (rendering escapes it)
 * @param participants how many people took part, when counted
 * @param segments     community segments present (for example "teens", "seniors")
 * @param visibility   {@code private} (default) or {@code cohort}
 */
public record UploadNoteRequest(
        @NotBlank @Size(max = MAX_ID) String libraryId,
        @Size(max = MAX_ID) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String cohortId,
        @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 100_000) String body,
        @NotNull @NotAfterToday LocalDate conversationDate,
        @NotBlank @Size(max = 200) String place,
        @NotBlank @Size(max = 200) String facilitator,
        @Min(0) @Max(10_000) Integer participants,
        @Size(max = MAX_LABELS) List<@NotBlank @Size(max = MAX_LABEL) String> segments,
        @Size(max = MAX_LABELS) List<@NotBlank @Size(max = MAX_LABEL) String> tags,
        Visibility visibility) {

    static final int MAX_ID = 64;
    static final int MAX_LABELS = 50;
    static final int MAX_LABEL = 100;
}
