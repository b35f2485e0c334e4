package org.outward.notes.theme;

import java.util.List;
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
public record Theme(String key, String label, double weight, int noteCount, int libraryCount, List<String> sections,
        List<String> noteIds, List<Evidence> evidence, List<String> terms, int sentenceCount) {

    public Theme {
        terms = terms == null ? List.of(label) : List.copyOf(terms);
    }

    public ThemeData data() {
        return new ThemeData(key, label, weight, noteCount, libraryCount, sections);
    }
}
