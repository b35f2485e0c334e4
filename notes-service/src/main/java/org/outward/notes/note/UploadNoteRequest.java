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
 * Body of {@code POST /api/notes} (JSON), the {@code note} part of the multipart form, and body of
 * {@code PUT /api/notes/{id}}. The library and cohort come from the caller's token; when the body
 * names them anyway they must be the caller's own (else 403).
 *
 * @param libraryId    optional; must be the caller's library
 * @param cohortId     optional; must be the caller's cohort
 * @param body         plain text or Markdown, stored as sent (rendering escapes it); required when
 *                     the note has no attachment
 * @param participants how many people took part, when counted
 * @param segments     community segments reached (for example "teens", "seniors")
 * @param webinarId    the catalog webinar the conversation followed, if any
 * @param visibility   {@code private} (default) or {@code cohort}
 */
public record UploadNoteRequest(
        @Size(max = MAX_ID) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String libraryId,
        @Size(max = MAX_ID) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String cohortId,
        @NotBlank @Size(max = 200) String title,
        @NotBlank(groups = TextOnly.class) @Size(max = 100_000) String body,
        @NotNull @NotAfterToday LocalDate conversationDate,
        @NotBlank @Size(max = 200) String place,
        @NotBlank @Size(max = 200) String facilitator,
        @Min(0) @Max(10_000) Integer participants,
        @Size(max = MAX_LABELS) List<@NotBlank @Size(max = MAX_LABEL) String> segments,
        @Size(max = MAX_LABELS) List<@NotBlank @Size(max = MAX_LABEL) String> tags,
        @Size(max = MAX_ID) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String webinarId,
        Visibility visibility) {

    static final int MAX_ID = 64;
    static final int MAX_LABELS = 50;
    static final int MAX_LABEL = 100;
    static final String NOT_BLANK = "(?s).*\\S.*";

    /** Rules of a note that has only its body (JSON upload): the body is then required. */
    public interface TextOnly {
    }
}
