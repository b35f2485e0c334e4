package org.outward.notes.search;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Set;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The filters and page of a note search or a "more like this" (query parameters; every one optional, combined
 * with AND, always within the notes the caller may read).
 *
 * @param section a conversation section (aspirations, concerns, actions, trust, other): only passages of it match
 *                and are shown
 */
record SearchFilters(
        @Size(max = 64) String libraryId,
        @Size(max = 64) String cohortId,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
        @Size(max = 100) String segment,
        @Size(max = 100) String tag,
        @Size(max = 20) String section,
        @Min(0) @Max(MAX_PAGE) Integer page,
        @Min(1) @Max(MAX_SIZE) Integer size) {

    /** Every parameter a search accepts; anything else is refused, so a misspelt filter never silently widens. */
    static final Set<String> NAMES = Set.of("q", "libraryId", "cohortId", "from", "to", "segment", "tag", "section",
            "page", "size");
    static final int DEFAULT_SIZE = 20;
    static final int MAX_SIZE = 100;
    /** Results are ranked in memory; nobody reads past this many pages. */
    static final int MAX_PAGE = 1_000;

    int pageOrDefault() {
        return page == null ? 0 : page;
    }

    int sizeOrDefault() {
        return size == null ? DEFAULT_SIZE : size;
    }
}
