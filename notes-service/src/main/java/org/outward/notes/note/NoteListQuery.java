package org.outward.notes.note;

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
        @Size(max = 64) String libraryId,
        @Size(max = 64) String cohortId,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
        @Size(max = 100) String segment,
        @Size(max = 100) String tag,
        @Size(max = 500) String q,
        @Min(0) @Max(MAX_PAGE) Integer page,
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
