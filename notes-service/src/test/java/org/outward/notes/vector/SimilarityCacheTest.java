package org.outward.notes.vector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimilarityCacheTest {

    private static List<String> keys(int count, String extra, int at) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            keys.add("k" + i);
        }
        if (extra != null) {
            keys.add(at, extra);
        }
        return keys;
    }

    @Test
    void aScopeWithOneMoreVectorGetsTheMatrixItWouldHaveFromScratch() {
        List<float[]> vectors = SimilarityMatrixTest.unitVectors(51, 16, 4);
        SimilarityCache cache = new SimilarityCache(1 << 20);
        List<float[]> before = new ArrayList<>(vectors.subList(0, 50));
        SimilarityMatrix first = cache.matrix("cohort:a", keys(50, null, 0), PackedVectors.of(before, 16));
        List<float[]> after = new ArrayList<>(before);
        after.add(20, vectors.get(50));
        PackedVectors afterPacked = PackedVectors.of(after, 16);

        SimilarityMatrix second = cache.matrix("cohort:a", keys(50, "new", 20), afterPacked);

        SimilarityMatrix scratch = SimilarityMatrix.of(afterPacked);
        for (int i = 0; i < 51; i++) {
            for (int j = 0; j < i; j++) {
                assertThat(second.get(i, j)).isEqualTo(scratch.get(i, j));
            }
        }
        assertThat(second.get(21, 0)).isEqualTo(first.get(20, 0));
        assertThat(cache.bytes()).isGreaterThanOrEqualTo(second.bytes());
    }

    @Test
    void keepsTheMostRecentScopesThatFitAndNothingWithoutRoom() {
        PackedVectors vectors = PackedVectors.of(SimilarityMatrixTest.unitVectors(100, 8, 5), 8);
        long one = SimilarityMatrix.of(vectors).bytes() + 100 * 64L;
        SimilarityCache cache = new SimilarityCache(2 * one);
        cache.matrix("a", keys(100, null, 0), vectors);
        cache.matrix("b", keys(100, null, 0), vectors);
        cache.matrix("c", keys(100, null, 0), vectors);

        assertThat(cache.bytes()).isEqualTo(2 * one);
        SimilarityCache none = new SimilarityCache(0);
        none.matrix("a", keys(100, null, 0), vectors);
        assertThat(none.bytes()).isZero();
    }
}
