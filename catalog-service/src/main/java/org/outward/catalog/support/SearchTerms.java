package org.outward.catalog.support;

import java.text.Normalizer;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The free-text analyser. MongoDB's {@code $text} does not exist on mongo-java-server and behaves
 * differently across versions, so documents store the analysed terms of their searchable text in an
 * array, and a query is analysed the same way and matched with {@code $all}: identical results on
 * every server. Analysis: accent folding, lower case, split on anything but letters and digits,
 * stop words dropped, then a light English stemmer (plural and -ing/-ed endings) so that
 * "conversations" finds "conversation" and "facilitating" finds "facilitate"-ish stems alike.
 */
public final class SearchTerms {

    private static final Set<String> STOP_WORDS = Set.of("a", "an", "and", "are", "as", "at", "be", "by", "for",
            "from", "in", "into", "is", "it", "of", "on", "or", "the", "to", "with");

    private SearchTerms() {
    }

    /** The distinct terms of all the texts, in first-seen order. */
    public static List<String> of(Collection<String> texts) {
        Set<String> terms = new LinkedHashSet<>();
        for (String text : texts) {
            if (text != null) {
                terms.addAll(analyse(text));
            }
        }
        return List.copyOf(terms);
    }

    /** The terms of one text, in order, duplicates kept out. */
    public static List<String> analyse(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT);
        Set<String> terms = new LinkedHashSet<>();
        for (String token : folded.split("[^\\p{L}\\p{N}]+")) {
            if (!token.isEmpty() && !STOP_WORDS.contains(token)) {
                terms.add(stem(token));
            }
        }
        return List.copyOf(terms);
    }

    /** A deliberately light stemmer: it only needs to be the same on both sides. */
    static String stem(String word) {
        String w = word;
        if (w.length() > 4 && w.endsWith("ies")) {
            w = w.substring(0, w.length() - 3) + "y";
        } else if (w.length() > 4 && w.endsWith("sses")) {
            w = w.substring(0, w.length() - 2);
        } else if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us")
                && !w.endsWith("is")) {
            w = w.substring(0, w.length() - 1);
        }
        if (w.length() > 5 && w.endsWith("ing")) {
            w = w.substring(0, w.length() - 3);
        } else if (w.length() > 4 && w.endsWith("ed")) {
            w = w.substring(0, w.length() - 2);
        }
        if (w.length() > 4 && w.endsWith("e")) {
            w = w.substring(0, w.length() - 1); // facilitate / facilitat(ing) / facilitat(ed) meet here
        }
        return w;
    }
}
