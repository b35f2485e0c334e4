package org.outward.notes.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.outward.platform.search.SearchAnalyzer;

/**
 * The quality table of note search (words, meaning, fused) on the labelled queries, with each query's top 10, to
 * {@code target/bench/search-eval-<parts>.txt}. The tuning queries by default (the parts {@code tuning} and
 * {@code held-out}: the first held-out part was spent, see search-eval/README.md); {@code -Dsearch.eval.parts=held-out-2}
 * once the parameters are settled. Parameters from {@code -Dsearch.rrfK}, {@code -Dsearch.minSimilarity},
 * {@code -Dsearch.wordsWeight} and {@code -Dsearch.wordsFloor}, each comma-separated values to compare. Run:
 * {@code mvn -pl notes-service -am test -Dgroups=bench -DexcludedGroups=none -Dtest=SearchEvaluationBenchTest
 * -Dsurefire.failIfNoSpecifiedTests=false}
 */
@Tag("bench")
class SearchEvaluationBenchTest {

    /** Three queries over the whole set, fused, with each hit's best snippet and its highlighted words. */
    @Test
    void examples() throws IOException {
        SearchEvaluation evaluation = new SearchEvaluation(new SearchSettings(null, null, null, null, null, null).ranking());
        StringBuilder out = new StringBuilder();
        for (String q : System.getProperty("search.examples", "child care;the doctor is too far away;"
                + "people cannot afford to heat their homes").split(";")) {
            out.append("q=").append(q).append('\n');
            List<String> terms = SearchAnalyzer.distinctTerms(q);
            for (NoteIndex.Hit hit : evaluation.search(q, NoteIndex.Mode.FUSED).stream().limit(5).toList()) {
                SearchPage.Snippet snippet = Snippets.of(hit, terms, null).get(0);
                StringBuilder marked = new StringBuilder(snippet.text());
                for (int i = snippet.highlights().size() - 1; i >= 0; i--) {
                    SearchPage.Highlight h = snippet.highlights().get(i);
                    marked.insert(h.end(), "]]").insert(h.start(), "[[");
                }
                out.append(String.format(Locale.ROOT, "  %-13s words %5.2f meaning %.2f  (%s%s) %s%n",
                        hit.note().id(), hit.words(), hit.meaning(), snippet.section(),
                        snippet.file() == null ? "" : ", " + snippet.file(), marked));
            }
        }
        Path file = Path.of("target", "bench", "search-examples.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, out.toString());
        System.out.println(out);
    }

    @Test
    void scoreModes() throws IOException {
        List<String> parts = List.of(System.getProperty("search.eval.parts", "tuning,held-out").split(","));
        SearchSettings defaults = new SearchSettings(null, null, null, null, null, null);
        StringBuilder out = new StringBuilder();
        for (String k : values("search.rrfK", defaults.rrfK())) {
            for (String min : values("search.minSimilarity", defaults.minSimilarity())) {
                for (String weight : values("search.wordsWeight", defaults.wordsWeight())) {
                    for (String floor : values("search.wordsFloor", defaults.wordsFloor())) {
                        SearchEvaluation evaluation = new SearchEvaluation(new NoteIndex.Ranking(
                                Double.parseDouble(k), Double.parseDouble(min), Double.parseDouble(weight),
                                Double.parseDouble(floor)));
                        out.append(String.format(Locale.ROOT, "parts=%s rrfK=%s minSimilarity=%s wordsWeight=%s "
                                + "wordsFloor=%s queries=%d%n", String.join("+", parts), k, min, weight, floor,
                                evaluation.queries(parts).size()));
                        StringBuilder details = new StringBuilder();
                        for (NoteIndex.Mode mode : NoteIndex.Mode.values()) {
                            SearchEvaluation.Summary summary = evaluation.evaluate(parts, mode);
                            out.append(String.format(Locale.ROOT, "  %-8s nDCG@10 %.3f  recall@10 %.3f%n", mode,
                                    summary.ndcg(), summary.recall()));
                            for (SearchEvaluation.Score score : summary.scores()) {
                                details.append(String.format(Locale.ROOT, "%s %-8s %s nDCG %.2f recall %.2f top %s%n",
                                        score.query().id(), mode, score.query().text(), score.ndcg(), score.recall(),
                                        score.top()));
                            }
                        }
                        out.append(details);
                    }
                }
            }
        }
        Path file = Path.of("target", "bench", "search-eval-" + String.join("+", parts) + ".txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, out.toString());
        System.out.println(out);
    }

    /** A property's comma-separated values to compare, or the setting's default. */
    private static String[] values(String property, double otherwise) {
        return System.getProperty(property, String.valueOf(otherwise)).split(",");
    }
}
