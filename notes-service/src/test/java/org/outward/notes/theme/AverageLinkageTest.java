package org.outward.notes.theme;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AverageLinkageTest {

    /** Points around a few random directions: clusters to find. */
    private static List<float[]> points(long seed, int centres, int perCentre, double noise, boolean orthogonal) {
        Random random = new Random(seed);
        List<float[]> out = new ArrayList<>();
        for (int c = 0; c < centres; c++) {
            float[] centre = new float[16];
            for (int d = 0; d < 16; d++) {
                centre[d] = (float) random.nextGaussian();
            }
            if (orthogonal) {
                Arrays.fill(centre, 0);
                centre[c * 3] = 4;
            }
            for (int p = 0; p < perCentre; p++) {
                float[] v = new float[16];
                for (int d = 0; d < 16; d++) {
                    v[d] = (float) (centre[d] + noise * random.nextGaussian());
                }
                out.add(Vectors.normalized(v));
            }
        }
        return out;
    }

    /** Plain average linkage over the full similarity matrix: what the sparse version must equal. */
    private static List<int[]> bruteForce(List<float[]> v, double threshold) {
        List<List<Integer>> clusters = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            clusters.add(new ArrayList<>(List.of(i)));
        }
        while (true) {
            double best = threshold;
            int bi = -1;
            int bj = -1;
            for (int i = 0; i < clusters.size(); i++) {
                for (int j = i + 1; j < clusters.size(); j++) {
                    double sum = 0;
                    for (int a : clusters.get(i)) {
                        for (int b : clusters.get(j)) {
                            sum += Vectors.dot(v.get(a), v.get(b));
                        }
                    }
                    double mean = sum / (clusters.get(i).size() * clusters.get(j).size());
                    if (mean >= best + 1e-9 || (bi < 0 && mean >= best)) {
                        best = mean;
                        bi = i;
                        bj = j;
                    }
                }
            }
            if (bi < 0) {
                return clusters.stream().map(c -> c.stream().mapToInt(Integer::intValue).sorted().toArray())
                        .sorted(Comparator.comparingInt(c -> c[0])).toList();
            }
            clusters.get(bi).addAll(clusters.remove(bj));
        }
    }

    @Test
    void theSparseSumBasedLinkageEqualsPlainAverageLinkage() {
        for (long seed = 1; seed <= 5; seed++) {
            List<float[]> v = points(seed, 4, 8, 0.8, false);
            List<int[]> sparse = AverageLinkage.clusters(v, 0.3, 10_000, 0.8);
            List<int[]> plain = bruteForce(v, 0.3);
            assertThat(sparse).as("seed %d", seed).usingElementComparator((a, b) -> Arrays.equals(a, b) ? 0 : 1)
                    .containsExactlyElementsOf(plain);
        }
    }

    @Test
    void beyondTheMicroLimitNearDuplicatesAreGroupedFirstAndTheResultStaysAPartition() {
        List<float[]> v = points(7, 5, 40, 0.3, true);
        List<int[]> twoStage = AverageLinkage.clusters(v, 0.3, 50, 0.8);
        List<int[]> oneStage = AverageLinkage.clusters(v, 0.3, 10_000, 0.8);

        assertThat(twoStage.stream().mapToInt(c -> c.length).sum()).isEqualTo(v.size());
        assertThat(twoStage.stream().flatMapToInt(Arrays::stream).distinct().count()).isEqualTo(v.size());
        // Well separated groups: both schemes find the same five.
        assertThat(twoStage).hasSize(5).usingElementComparator((a, b) -> Arrays.equals(a, b) ? 0 : 1)
                .containsExactlyElementsOf(oneStage);
    }

    @Test
    void cohesionIsTheMeanSimilarityOfPairs() {
        float[] a = {1, 0};
        float[] b = {0, 1};
        float[] c = Vectors.normalized(new float[] {1, 1});
        double expected = (0 + Vectors.dot(a, c) + Vectors.dot(b, c)) / 3;
        assertThat(AverageLinkage.cohesion(List.of(a, b, c), new int[] {0, 1, 2})).isCloseTo(expected,
                org.assertj.core.data.Offset.offset(1e-6));
    }
}
