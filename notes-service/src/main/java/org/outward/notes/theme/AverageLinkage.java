package org.outward.notes.theme;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Agglomerative clustering of unit vectors with average linkage on cosine similarity, stopped at a threshold:
 * clusters merge while the mean similarity of their cross pairs is at least {@code threshold}.
 *
 * <p>The nearest-neighbour chain algorithm over a triangular similarity matrix (4 bytes a pair: 72 MB for 6,000
 * sentences), updated by the Lance-Williams rule of average linkage; O(n²) time. A cluster whose best partner falls
 * below the threshold is final (with average linkage a cluster's similarities only average down as others merge),
 * so nothing below the threshold is ever merged. Average linkage is reducible, so the chain finds the same clusters
 * as merging the best pair first.
 *
 * <p>Deterministic: the caller passes vectors in a stable order (sorted by unit id); ties go to the lower index.
 *
 * <p>Beyond {@code microLimit} vectors, a first stage gathers near-duplicates (similarity at least
 * {@code microSimilarity} to a group's first member, in input order) into micro-clusters, and linkage starts from
 * those, with their exact mean cross similarities: the matrix then grows with the number of distinct statements,
 * not of sentences.
 */
final class AverageLinkage {

    private AverageLinkage() {
    }

    /**
     * A node of the merge tree: its members (sorted input positions), the two nodes it merged (if any), and its
     * cohesion (mean similarity of its pairs), known from the merge: the pairs of each part, plus the cross pairs at
     * the similarity they merged at.
     */
    record Node(int[] members, Node left, Node right, double cohesion) {
    }

    /** The clusters, each a sorted array of input positions; clusters ordered by their first position. */
    static List<int[]> clusters(List<float[]> vectors, double threshold, int microLimit, double microSimilarity) {
        return tree(vectors, threshold, microLimit, microSimilarity).stream().map(Node::members).toList();
    }

    /** The roots of the merge trees left when no pair reaches the threshold, ordered by their first position. */
    static List<Node> tree(List<float[]> vectors, double threshold, int microLimit, double microSimilarity) {
        int n = vectors.size();
        if (n == 0) {
            return List.of();
        }
        List<List<Integer>> groups = n > microLimit ? micro(vectors, microSimilarity) : singletons(n);
        int m = groups.size();
        float[][] means = new float[m][];
        int[] sizes = new int[m];
        Node[] nodes = new Node[m];
        for (int g = 0; g < m; g++) {
            means[g] = mean(vectors, groups.get(g));
            sizes[g] = groups.get(g).size();
            int[] members = groups.get(g).stream().mapToInt(Integer::intValue).sorted().toArray();
            nodes[g] = new Node(members, null, null, cohesion(vectors, members));
        }
        Similarities s = new Similarities(means);
        boolean[] open = new boolean[m]; // still merging
        Arrays.fill(open, true);
        int openCount = m;
        int[] chain = new int[m];
        int depth = 0;
        while (openCount > 1) {
            if (depth == 0) {
                chain[depth++] = firstOpen(open);
            }
            int a = chain[depth - 1];
            int previous = depth >= 2 ? chain[depth - 2] : -1;
            int b = -1;
            float best = Float.NEGATIVE_INFINITY;
            if (previous >= 0) {
                b = previous; // ties go to the previous link: the chain must end
                best = s.get(a, previous);
            }
            for (int k = 0; k < m; k++) {
                if (k != a && open[k]) {
                    float v = s.get(a, k);
                    if (v > best || (v == best && b != previous && k < b)) {
                        best = v;
                        b = k;
                    }
                }
            }
            if (best < threshold) {
                // Nothing reaches a, and nothing will: its similarities only average down from here.
                open[a] = false;
                openCount--;
                depth = 0;
                continue;
            }
            if (b == previous) {
                depth -= 2;
                int keep = Math.min(a, b);
                int gone = Math.max(a, b);
                int total = sizes[a] + sizes[b];
                for (int k = 0; k < m; k++) {
                    if (open[k] && k != a && k != b) {
                        s.set(keep, k, (float) (((double) sizes[a] * s.get(a, k) + (double) sizes[b] * s.get(b, k))
                                / total));
                    }
                }
                nodes[keep] = merged(nodes[keep], nodes[gone], best);
                nodes[gone] = null;
                sizes[keep] = total;
                open[gone] = false;
                openCount--;
                // The rest of the chain stays valid: average linkage is reducible.
            } else {
                chain[depth++] = b;
            }
        }
        List<Node> out = new ArrayList<>();
        for (Node node : nodes) {
            if (node != null) {
                out.add(node);
            }
        }
        out.sort(Comparator.comparingInt(c -> c.members()[0]));
        return out;
    }

    /** Mean similarity of a cluster's distinct pairs (1 for a single vector). */
    static double cohesion(List<float[]> vectors, int[] cluster) {
        if (cluster.length < 2) {
            return 1.0;
        }
        int dims = vectors.get(cluster[0]).length;
        double[] sum = new double[dims];
        for (int i : cluster) {
            float[] v = vectors.get(i);
            for (int d = 0; d < dims; d++) {
                sum[d] += v[d];
            }
        }
        double n = cluster.length;
        return (Vectors.dot(sum, sum) - n) / (n * (n - 1));
    }

    private static Node merged(Node x, Node y, double cross) {
        int[] members = IntStream.concat(Arrays.stream(x.members()), Arrays.stream(y.members())).sorted().toArray();
        double nx = x.members().length;
        double ny = y.members().length;
        double pairs = (nx + ny) * (nx + ny - 1) / 2;
        double cohesion = (x.cohesion() * nx * (nx - 1) / 2 + y.cohesion() * ny * (ny - 1) / 2 + cross * nx * ny)
                / pairs;
        return x.members()[0] < y.members()[0] ? new Node(members, x, y, cohesion) : new Node(members, y, x, cohesion);
    }

    private static int firstOpen(boolean[] open) {
        for (int i = 0; i < open.length; i++) {
            if (open[i]) {
                return i;
            }
        }
        throw new IllegalStateException("no open cluster");
    }

    /** The mean vector of a group: the dot product of two means is the groups' mean cross similarity. */
    private static float[] mean(List<float[]> vectors, List<Integer> group) {
        int dims = vectors.get(group.get(0)).length;
        double[] sum = new double[dims];
        for (int i : group) {
            float[] v = vectors.get(i);
            for (int d = 0; d < dims; d++) {
                sum[d] += v[d];
            }
        }
        float[] mean = new float[dims];
        for (int d = 0; d < dims; d++) {
            mean[d] = (float) (sum[d] / group.size());
        }
        return mean;
    }

    private static List<List<Integer>> singletons(int n) {
        List<List<Integer>> groups = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            groups.add(List.of(i));
        }
        return groups;
    }

    /** Near-duplicate groups: each vector joins the first group whose first member it is close to, in input order. */
    private static List<List<Integer>> micro(List<float[]> vectors, double similarity) {
        List<List<Integer>> groups = new ArrayList<>();
        List<float[]> leaders = new ArrayList<>();
        for (int i = 0; i < vectors.size(); i++) {
            float[] v = vectors.get(i);
            int found = -1;
            for (int g = 0; g < leaders.size() && found < 0; g++) {
                if (Vectors.dot(v, leaders.get(g)) >= similarity) {
                    found = g;
                }
            }
            if (found < 0) {
                leaders.add(v);
                groups.add(new ArrayList<>(List.of(i)));
            } else {
                groups.get(found).add(i);
            }
        }
        return groups;
    }

    /** The lower triangle of the similarity matrix, filled row by row in parallel. */
    private static final class Similarities {
        private final float[] values;

        Similarities(float[][] means) {
            int m = means.length;
            values = new float[(int) ((long) m * (m - 1) / 2)];
            IntStream.range(1, m).parallel().forEach(i -> {
                int row = (int) ((long) i * (i - 1) / 2);
                for (int j = 0; j < i; j++) {
                    values[row + j] = Vectors.dot(means[i], means[j]);
                }
            });
        }

        float get(int i, int j) {
            return i > j ? values[(int) ((long) i * (i - 1) / 2) + j] : values[(int) ((long) j * (j - 1) / 2) + i];
        }

        void set(int i, int j, float v) {
            if (i > j) {
                values[(int) ((long) i * (i - 1) / 2) + j] = v;
            } else {
                values[(int) ((long) j * (j - 1) / 2) + i] = v;
            }
        }
    }
}
