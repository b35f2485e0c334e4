package org.outward.notes.vector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SimilarityMatrixTest {

    static List<float[]> unitVectors(int count, int dims, long seed) {
        Random random = new Random(seed);
        List<float[]> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double[] v = new double[dims];
            for (int d = 0; d < dims; d++) {
                v[d] = random.nextGaussian();
            }
            out.add(PackedVectors.unit(v));
        }
        return out;
    }

    @Test
    void theBlockedProductGivesEveryPairExactlyItsDotProduct() {
        // More rows than a strip and a count that is no multiple of the block sizes.
        PackedVectors vectors = PackedVectors.of(unitVectors(643, 37, 1), 37);
        SimilarityMatrix matrix = SimilarityMatrix.of(vectors);

        assertThat(matrix.size()).isEqualTo(643);
        for (int i = 0; i < 643; i++) {
            float[] row = vectors.row(i);
            for (int j = 0; j < 643; j++) {
                if (i != j) {
                    assertThat(matrix.get(i, j)).as("(%d, %d)", i, j).isEqualTo(vectors.dot(j, row));
                }
            }
        }
    }

    @Test
    void reusingAnOldMatrixGivesTheMatrixComputedFromScratch() {
        List<float[]> all = unitVectors(300, 24, 2);
        // Old: every vector but 40..44 and 200; new: all but 10 and 11 (dropped), with 40..44 and 200 inserted.
        List<float[]> oldVectors = new ArrayList<>();
        List<Integer> oldIds = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            if ((i < 40 || i > 44) && i != 200) {
                oldVectors.add(all.get(i));
                oldIds.add(i);
            }
        }
        SimilarityMatrix old = SimilarityMatrix.of(PackedVectors.of(oldVectors, 24));
        List<float[]> newVectors = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            if (i != 10 && i != 11) {
                newVectors.add(all.get(i));
                positions.add(oldIds.indexOf(i));
            }
        }
        PackedVectors fresh = PackedVectors.of(newVectors, 24);

        SimilarityMatrix reused = SimilarityMatrix.reusing(old,
                positions.stream().mapToInt(Integer::intValue).toArray(), fresh);
        SimilarityMatrix computed = SimilarityMatrix.of(fresh);

        for (int i = 0; i < fresh.count(); i++) {
            for (int j = 0; j < i; j++) {
                assertThat(reused.get(i, j)).as("(%d, %d)", i, j).isEqualTo(computed.get(i, j));
            }
        }
    }

    @Test
    void rowsAreReadAndWrittenWholeAndACopyIsIndependent() {
        SimilarityMatrix matrix = SimilarityMatrix.of(PackedVectors.of(unitVectors(9, 5, 3), 5));
        SimilarityMatrix copy = matrix.copy();
        float[] row = new float[9];
        copy.row(4, row);
        for (int k = 0; k < 9; k++) {
            if (k != 4) {
                assertThat(row[k]).isEqualTo(matrix.get(4, k));
            }
        }
        boolean[] open = {true, true, false, true, true, true, true, false, true};
        float[] values = {1, 2, 3, 4, 0, 6, 7, 8, 9};
        copy.setRow(4, values, open);

        assertThat(copy.get(4, 1)).isEqualTo(2f);
        assertThat(copy.get(8, 4)).isEqualTo(9f);
        assertThat(copy.get(4, 2)).isEqualTo(matrix.get(4, 2)); // closed: left alone
        assertThat(copy.get(7, 4)).isEqualTo(matrix.get(7, 4));
        assertThat(matrix.get(4, 1)).isNotEqualTo(2f);
    }
}
