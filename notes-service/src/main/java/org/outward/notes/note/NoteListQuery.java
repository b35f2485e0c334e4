package org.outward.notes.note;

import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * Query parameters of {@code GET /api/notes}. Bound as one object so every bad parameter is named
 * in one 400, like body fields. Every filter is optional and they combine with AND; the caller only
 * ever gets the notes they may read.
 *
 * @param from    earliest conversation date (inclusive)
 * @param to      latest conversation date (inclusive)
 * @param segment a community segment the note reached
 * @param tag     a tag of the note
 * @param q       words that must all occur in the note (title, body, place, facilitator, labels,
 *                attachment names and extracted text), case and accents ignored
 */
public record NoteListQuery(
        @Parameter(description = "notes of this library (only those the caller may read)")
        @Size(max = 64) String libraryId,
        @Parameter(description = "notes of libraries in this cohort (only those the caller may read)")
        @Size(max = 64) String cohortId,
        @Parameter(description = "earliest conversation date, inclusive (yyyy-mm-dd)")
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
        @Parameter(description = "latest conversation date, inclusive (yyyy-mm-dd)")
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
        @Parameter(description = "a community segment the note reached")
        @Size(max = 100) String segment,
        @Parameter(description = "a tag of the note")
        @Size(max = 100) String tag,
        @Parameter(description = "words that must all occur in the note or its attachments' text; case and accents "
                + "ignored")
        @Size(max = 500) String q,
        @Parameter(description = "page number, from 0")
        @Min(0) @Max(MAX_PAGE) Integer page,
        @Parameter(description = "page size, 1 to 100 (default 20)")
        @Min(1) @Max(MAX_SIZE) Integer size) {

    static final int DEFAULT_SIZE = 20;
    static final int MAX_SIZE = 100;
    /** Deep paging is a scan; nobody pages through more than this many pages of notes. */
    static final int MAX_PAGE = 10_000;

    int pageOrDefault() {
        return page == null ? 0 : page;
    }

    int sizeOrDefault() {
        return size == null ? DEFAULT_SIZE : size;
    }

}
