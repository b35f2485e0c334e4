package org.outward.notes.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.outward.notes.theme.Section;
import org.outward.platform.search.SearchAnalyzer;

/**
 * Picks a note's best passages for a query: each passage scores its cosine to the query plus a bonus for the share
 * of the query's words it holds; the best is always shown, up to two more when they come close to it. Matched
 * words are given as offsets, never as markup: the client renders them.
 */
final class Snippets {

    static final int MAX = 3;
    /** The bonus for a passage holding every query word: an exact wording beats a slightly closer paraphrase. */
    private static final double WORD_BONUS = 0.3;
    /** Further passages are shown when they score at least this share of the best one. */
    private static final double CLOSE = 0.8;

    private Snippets() {
    }

    static List<SearchPage.Snippet> of(NoteIndex.Hit hit, List<String> queryTerms, Section section) {
        List<IndexedNote.Passage> passages = hit.note().passages();
        Set<String> terms = new HashSet<>(queryTerms);
        double[] scores = new double[passages.size()];
        for (int i = 0; i < passages.size(); i++) {
            IndexedNote.Passage passage = passages.get(i);
            if (section != null && passage.section() != section) {
                scores[i] = Double.NEGATIVE_INFINITY;
                continue;
            }
            long matched = terms.stream().filter(passage.terms()::containsKey).count();
            double similarity = hit.similarities() == null ? 0 : hit.similarities()[i];
            scores[i] = similarity + (terms.isEmpty() ? 0 : WORD_BONUS * matched / terms.size());
        }
        List<Integer> order = IntStream.range(0, passages.size()).filter(i -> scores[i] > Double.NEGATIVE_INFINITY)
                .boxed().sorted(Comparator.<Integer>comparingDouble(i -> -scores[i]).thenComparing(i -> i)).toList();
        List<SearchPage.Snippet> out = new ArrayList<>();
        for (int i : order) {
            if (out.size() == MAX || (!out.isEmpty() && scores[i] < CLOSE * scores[order.get(0)])) {
                break;
            }
            out.add(snippet(passages.get(i), terms));
        }
        return out;
    }

    private static SearchPage.Snippet snippet(IndexedNote.Passage passage, Set<String> terms) {
        List<SearchPage.Highlight> highlights = new ArrayList<>();
        for (SearchAnalyzer.Token token : SearchAnalyzer.tokens(passage.text())) {
            if (terms.contains(token.term())) {
                highlights.add(new SearchPage.Highlight(token.start(), token.end()));
            }
        }
        return new SearchPage.Snippet(passage.text(), passage.section().wireName(), passage.attachmentId(),
                passage.file(), highlights);
    }
}
