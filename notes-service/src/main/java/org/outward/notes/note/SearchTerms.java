package org.outward.notes.note;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Free-text search without MongoDB's {@code $text} (which mongo-java-server lacks): each note
 * stores the distinct normalized words of its text in {@code terms}, and a query matches notes
 * holding all of the query's words ({@code $all}). Words are lower-cased and stripped of accents,
 * so "Café" finds "cafe".
 */
final class SearchTerms {

    /** Caps the array for very long extracted texts; the most common words come early anyway. */
    static final int MAX_TERMS = 20_000;
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private SearchTerms() {
    }

    static List<String> of(Note note) {
        Set<String> terms = new LinkedHashSet<>();
        add(terms, note.title());
        add(terms, note.body());
        add(terms, note.place());
        add(terms, note.facilitator());
        note.segments().forEach(segment -> add(terms, segment));
        note.tags().forEach(tag -> add(terms, tag));
        note.attachments().forEach(attachment -> {
            add(terms, attachment.name());
            add(terms, attachment.text());
        });
        return new ArrayList<>(terms);
    }

    static List<String> ofQuery(String query) {
        Set<String> terms = new LinkedHashSet<>();
        add(terms, query);
        return new ArrayList<>(terms);
    }

    private static void add(Set<String> terms, String text) {
        if (text == null || terms.size() >= MAX_TERMS) {
            return;
        }
        String folded = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("")
                .toLowerCase(Locale.ROOT);
        for (String word : NON_WORD.split(folded)) {
            if (!word.isEmpty() && terms.size() < MAX_TERMS) {
                terms.add(word);
            }
        }
    }
}
