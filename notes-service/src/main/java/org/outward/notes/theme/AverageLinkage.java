package org.outward.notes.theme;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.outward.notes.vector.PackedVectors;
import org.outward.notes.vector.SimilarityMatrix;

/**
 * Agglomerative clustering of unit vectors with average linkage on cosine similarity, stopped at a threshold:
 * clusters merge while the mean similarity of their cross pairs is at least {@code threshold}.
 *
 * <p>The nearest-neighbour chain algorithm over a triangular similarity matrix ({@link SimilarityMatrix}: 4 bytes a
 * pair, 72 MB for 6,000 sentences; the caller may pass the one it kept from its last computation), updated by the Lance-Williams rule of average linkage; O(n²) time. A cluster whose best partner falls
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
        return tree(packed(vectors), null, threshold, microLimit, microSimilarity).stream().map(Node::members)
                .toList();
    }

    /**
     * The roots of the merge trees left when no pair reaches the threshold, ordered by their first position.
     *
     * @param similarities the similarities of {@code vectors} when the caller has them (left unchanged), or null
     */
    static List<Node> tree(PackedVectors vectors, SimilarityMatrix similarities, double threshold, int microLimit,
            double microSimilarity) {
        int n = vectors.count();
        if (n == 0) {
            return List.of();
        }
        int m;
        Node[] nodes;
        int[] sizes;
        SimilarityMatrix s;
        if (n > microLimit) {
            List<List<Integer>> groups = micro(vectors, microSimilarity);
            m = groups.size();
            nodes = new Node[m];
            sizes = new int[m];
            List<float[]> means = new ArrayList<>(m);
            for (int g = 0; g < m; g++) {
                means.add(mean(vectors, groups.get(g)));
                sizes[g] = groups.get(g).size();
                int[] members = groups.get(g).stream().mapToInt(Integer::intValue).sorted().toArray();
                nodes[g] = new Node(members, null, null, cohesion(vectors, members));
            }
            s = SimilarityMatrix.of(PackedVectors.of(means, vectors.dims()));
        } else {
            m = n;
            nodes = new Node[m];
            sizes = new int[m];
            for (int i = 0; i < m; i++) {
                nodes[i] = new Node(new int[] {i}, null, null, 1.0);
                sizes[i] = 1;
            }
            s = similarities == null ? SimilarityMatrix.of(vectors) : similarities.copy();
        }
        boolean[] open = new boolean[m]; // still merging
        Arrays.fill(open, true);
        int openCount = m;
        int[] chain = new int[m];
        int depth = 0;
        float[] row = new float[m];
        float[] other = new float[m];
        while (openCount > 1) {
            if (depth == 0) {
                chain[depth++] = firstOpen(open);
            }
            int a = chain[depth - 1];
            int previous = depth >= 2 ? chain[depth - 2] : -1;
            s.row(a, row);
            int b = -1;
            float best = Float.NEGATIVE_INFINITY;
            if (previous >= 0) {
                b = previous; // ties go to the previous link: the chain must end
                best = row[previous];
            }
            for (int k = 0; k < m; k++) {
                if (k != a && open[k]) {
                    float v = row[k];
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
                s.row(b, other);
                for (int k = 0; k < m; k++) {
                    if (open[k] && k != a && k != b) {
                        row[k] = (float) (((double) sizes[a] * row[k] + (double) sizes[b] * other[k]) / total);
                    }
                }
                open[gone] = false;
                s.setRow(keep, row, open);
                nodes[keep] = merged(nodes[keep], nodes[gone], best);
                nodes[gone] = null;
                sizes[keep] = total;
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

    static PackedVectors packed(List<float[]> vectors) {
        return PackedVectors.of(vectors, vectors.isEmpty() ? 1 : vectors.get(0).length);
    }

    /** Mean similarity of a cluster's distinct pairs (1 for a single vector). */
    static double cohesion(List<float[]> vectors, int[] cluster) {
        return cohesion(packed(vectors), cluster);
    }

    /** Mean similarity of a cluster's distinct pairs (1 for a single vector). */
    static double cohesion(PackedVectors vectors, int[] cluster) {
        if (cluster.length < 2) {
            return 1.0;
        }
        double[] sum = new double[vectors.dims()];
        for (int i : cluster) {
            vectors.addTo(i, sum);
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
    private static float[] mean(PackedVectors vectors, List<Integer> group) {
        int dims = vectors.dims();
        double[] sum = new double[dims];
        for (int i : group) {
            vectors.addTo(i, sum);
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
    private static List<List<Integer>> micro(PackedVectors vectors, double similarity) {
        List<List<Integer>> groups = new ArrayList<>();
        List<float[]> leaders = new ArrayList<>();
        for (int i = 0; i < vectors.count(); i++) {
            int found = -1;
            for (int g = 0; g < leaders.size() && found < 0; g++) {
                if (vectors.dot(i, leaders.get(g)) >= similarity) {
                    found = g;
                }
            }
            if (found < 0) {
                leaders.add(vectors.row(i));
                groups.add(new ArrayList<>(List.of(i)));
            } else {
                groups.get(found).add(i);
            }
        }
        return groups;
    }
}
