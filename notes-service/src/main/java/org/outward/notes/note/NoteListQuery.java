package org.outward.notes.note;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/**
 * Query parameters of {@code GET /api/notes}. Bound as one object so every bad parameter is named
 * in one 400, like body fields.
 */
public record NoteListQuery(
        @NotBlank String libraryId,
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
