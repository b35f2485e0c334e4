package org.outward.notes.theme;

import java.util.List;
import org.outward.contracts.notes.ThemeData;

/**
 * A prevalent theme with everything that explains it.
 *
 * @param key          the stems of its words, stable across runs ("bus rout")
 * @param label        the surface form used most often ("bus routes")
 * @param weight       its score relative to the strongest theme of the same run, 0..1
 * @param noteCount    notes that raised it
 * @param libraryCount libraries that raised it
 * @param sections     conversation sections it came from, most frequent first
 * @param noteIds      every note that raised it, sorted
 * @param evidence     supporting sentences: newest conversation first, at most two per note
 */
public record Theme(String key, String label, double weight, int noteCount, int libraryCount, List<String> sections,
        List<String> noteIds, List<Evidence> evidence) {

    public ThemeData data() {
        return new ThemeData(key, label, weight, noteCount, libraryCount, sections);
    }
}
