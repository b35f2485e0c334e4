package org.outward.notes.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The labelled queries in {@code mvn verify}: their file is well formed, and on the tuning queries (where the
 * parameters were settled: the parts {@code tuning} and {@code held-out}, see search-eval/README.md) fusing words and
 * meaning beats each alone. The held-out figures are in bench/notes-search.md.
 */
class SearchEvaluationTest {

    /** The queries parameters are chosen on: the first two parts (the first held-out part was spent). */
    private static final List<String> TUNING = List.of("tuning", "held-out");
    private static final SearchEvaluation EVALUATION = new SearchEvaluation(
            new SearchSettings(null, null, null, null, null, null).ranking());

    @Test
    void queriesAreJudgedAndAThirdIsHeldOut() {
        List<SearchEvaluation.LabelledQuery> queries = SearchEvaluation.queries();
        assertThat(queries).hasSizeGreaterThanOrEqualTo(30);
        assertThat(EVALUATION.queries(TUNING)).hasSizeGreaterThanOrEqualTo(30);
        assertThat(EVALUATION.queries("held-out-2")).hasSizeGreaterThanOrEqualTo(queries.size() / 3);
        for (SearchEvaluation.LabelledQuery query : queries) {
            assertThat(query.grades()).as(query.id()).isNotEmpty().containsValue(2);
            assertThat(query.grades().keySet()).as(query.id())
                    .allMatch(id -> EVALUATION.index().get(id) != null);
        }
    }

    @Test
    void fusedBeatsWordsAndMeaningOnTheTuningQueries() {
        SearchEvaluation.Summary words = EVALUATION.evaluate(TUNING, NoteIndex.Mode.WORDS);
        SearchEvaluation.Summary meaning = EVALUATION.evaluate(TUNING, NoteIndex.Mode.MEANING);
        SearchEvaluation.Summary fused = EVALUATION.evaluate(TUNING, NoteIndex.Mode.FUSED);
        assertThat(fused.ndcg()).isGreaterThan(words.ndcg()).isGreaterThan(meaning.ndcg());
        assertThat(fused.recall()).isGreaterThan(words.recall()).isGreaterThan(meaning.recall());
    }

    @Test
    void metricsFollowTheirDefinitions() {
        Map<String, Integer> grades = Map.of("a", 2, "b", 1);
        assertThat(SearchEvaluation.ndcg(List.of("a", "b"), grades)).isEqualTo(1.0);
        assertThat(SearchEvaluation.ndcg(List.of("b", "a"), grades)).isLessThan(1.0);
        assertThat(SearchEvaluation.ndcg(List.of("x"), grades)).isZero();
        assertThat(SearchEvaluation.recall(List.of("x", "b"), grades)).isEqualTo(0.5);
    }
}
