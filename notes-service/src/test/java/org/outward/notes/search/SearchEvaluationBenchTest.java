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
 * {@code target/bench/search-eval-<part>.txt}. Tuning part by default; {@code -Dsearch.eval.part=held-out} once the
 * parameters are settled. Parameters from {@code -Dsearch.rrfK} and {@code -Dsearch.minSimilarity}. Run:
 * {@code mvn -pl notes-service -am test -Dgroups=bench -DexcludedGroups=none -Dtest=SearchEvaluationBenchTest
 * -Dsurefire.failIfNoSpecifiedTests=false}
 */
@Tag("bench")
class SearchEvaluationBenchTest {

    /** Three queries over the whole set, fused, with each hit's best snippet and its highlighted words. */
    @Test
    void examples() throws IOException {
        SearchEvaluation evaluation = new SearchEvaluation(new SearchSettings(null, null, null, null).ranking());
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
        String part = System.getProperty("search.eval.part", "tuning");
        StringBuilder out = new StringBuilder();
        for (String k : System.getProperty("search.rrfK", String.valueOf(SearchSettings.DEFAULT_RRF_K)).split(",")) {
            for (String min : System.getProperty("search.minSimilarity",
                    String.valueOf(SearchSettings.DEFAULT_MIN_SIMILARITY)).split(",")) {
                SearchEvaluation evaluation = new SearchEvaluation(new NoteIndex.Ranking(Double.parseDouble(k),
                        Double.parseDouble(min)));
                out.append(String.format(Locale.ROOT, "part=%s rrfK=%s minSimilarity=%s queries=%d%n", part, k, min,
                        evaluation.queries(part).size()));
                StringBuilder details = new StringBuilder();
                for (NoteIndex.Mode mode : NoteIndex.Mode.values()) {
                    SearchEvaluation.Summary summary = evaluation.evaluate(part, mode);
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
        Path file = Path.of("target", "bench", "search-eval-" + part + ".txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, out.toString());
        System.out.println(out);
    }
}
