package org.outward.notes.theme;

import java.util.List;
import io.swagger.v3.oas.annotations.media.Schema;
import org.outward.contracts.notes.ThemeData;

/**
 * A prevalent theme with everything that explains it.
 *
 * @param key           the stems of its label's terms, stable across runs ("bu line / later bu")
 * @param label         its label as an analyst would write it ("bus line / later bus")
 * @param weight        its note count relative to the strongest theme of the same run, 0..1
 * @param noteCount     notes that raised it
 * @param libraryCount  libraries that raised it
 * @param sections      conversation sections its sentences came from, most frequent first
 * @param noteIds       every note that raised it, sorted
 * @param evidence      the sentences nearest its centre, one per note, different libraries first
 * @param terms         the label's terms as written ("bus line", "later bus")
 * @param sentenceCount sentences that make it
 */
@Schema(description = "A prevalent theme: sentences of at least two notes that say the same thing, possibly in different"
        + " words, named by the terms that set them apart")
public record Theme(
        @Schema(description = "Stable identifier: the stems of the label's terms, e.g. \"bu line / later bu\"") String key,
        @Schema(description = "The label, one or two terms joined by \" / \", e.g. \"bus line / later bus\"") String label,
        @Schema(description = "Notes that raised it relative to the first theme, 0..1") double weight,
        @Schema(description = "Notes that raised it") int noteCount,
        @Schema(description = "Libraries that raised it") int libraryCount,
        @Schema(description = "Conversation sections its sentences came from, most frequent first") List<String> sections,
        @Schema(description = "Every note that raised it, sorted") List<String> noteIds,
        @Schema(description = "The sentences nearest its centre: one per note, other libraries first") List<Evidence> evidence,
        @Schema(description = "The label's terms as written") List<String> terms,
        @Schema(description = "Sentences that make it") int sentenceCount) {

    public Theme {
        terms = terms == null ? List.of(label) : List.copyOf(terms);
    }

    public ThemeData data() {
        return new ThemeData(key, label, weight, noteCount, libraryCount, sections);
    }
}
