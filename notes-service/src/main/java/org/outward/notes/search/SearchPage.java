package org.outward.notes.search;

import java.time.LocalDate;
import java.util.List;

/**
 * One page of search results, best first; {@code total} counts every note that matched (and that the caller may
 * read). The order is stable: equal scores are ordered by note id, so pages neither overlap nor skip while the
 * notes do not change.
 */
record SearchPage(List<Hit> items, int page, int size, long total) {

    /**
     * A matching note.
     *
     * @param score    the fused score (reciprocal-rank fusion of the word and meaning ranks; for "more like this",
     *                 the mean best cosine): for ordering, not comparable across queries
     * @param snippets its best 1 to 3 passages for the query, best first
     */
    record Hit(String id, String libraryId, String cohortId, String title, LocalDate conversationDate,
            String visibility, double score, List<Snippet> snippets) {
    }

    /**
     * A sentence (or list item) of a note.
     *
     * @param section      the conversation section it is in: aspirations, concerns, actions, trust or other
     * @param attachmentId the attachment it comes from, null when from the note's body
     * @param file         that attachment's file name, null when from the body
     * @param highlights   where the query's words (by stem) occur in {@code text}
     */
    record Snippet(String text, String section, String attachmentId, String file, List<Highlight> highlights) {
    }

    /** A matched word: {@code text.substring(start, end)} (UTF-16 offsets, end exclusive). */
    record Highlight(int start, int end) {
    }
}
