package org.outward.contracts.notes;

import java.util.List;

/**
 * One prevalent theme.
 *
 * @param key          stable identifier of the theme (its normalized terms), to compare runs
 * @param label        readable label, e.g. "bus service"
 * @param weight       relative strength, 0..1, highest first
 * @param noteCount    how many notes raised it
 * @param libraryCount how many libraries raised it
 * @param sections     conversation sections it came from: aspirations, concerns, actions, trust, other
 */
public record ThemeData(String key, String label, double weight, int noteCount, int libraryCount,
        List<String> sections) {
}
