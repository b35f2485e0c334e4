package org.outward.notes.theme;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Agglomerative clustering of unit vectors with average linkage on cosine similarity, stopped at a threshold:
 * two clusters merge while the mean similarity of their cross pairs is at least {@code threshold}, best pair first.
 *
 * <p>Deterministic: the caller passes vectors in a stable order (sorted by unit id); ties go to the lower cluster
 * ids; sums are added in merge order. Exact and light: for unit vectors the mean cross similarity of A and B is
 * {@code sum(A)·sum(B) / (|A||B|)}, so clusters carry their vector sum instead of an n² distance matrix; and a
 * merged cluster's similarity to another is a weighted mean of its parts' similarities, so only pairs already at
 * or above the threshold can ever merge: the similarity graph keeps only those.
 *
 * <p>Beyond {@code microLimit} vectors, a first stage gathers near-duplicates (similarity at least
 * {@code microSimilarity} to a group's first member, in input order) into micro-clusters, and linkage starts from
 * those: the pairwise stage then scales with the number of distinct statements, not of sentences.
 */
final class AverageLinkage {

    private AverageLinkage() {
    }

    /** A node of the merge tree: its members (sorted input positions) and the two nodes it merged, if any. */
    record Node(int[] members, Node left, Node right) {
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
        int dims = vectors.get(0).length;
        // Cluster ids: 0..m-1 the starting groups, then one new id per merge.
        double[][] sums = new double[2 * m][];
        int[] sizes = new int[2 * m];
        List<List<Integer>> members = new ArrayList<>(2 * m);
        List<Node> nodes = new ArrayList<>(2 * m);
        List<Set<Integer>> neighbours = new ArrayList<>(2 * m);
        for (int g = 0; g < m; g++) {
            double[] sum = new double[dims];
            for (int i : groups.get(g)) {
                float[] v = vectors.get(i);
                for (int d = 0; d < dims; d++) {
                    sum[d] += v[d];
                }
            }
            sums[g] = sum;
            sizes[g] = groups.get(g).size();
            members.add(new ArrayList<>(groups.get(g)));
            nodes.add(new Node(groups.get(g).stream().mapToInt(Integer::intValue).sorted().toArray(), null, null));
            neighbours.add(new HashSet<>());
        }
        float[][] means = new float[m][];
        for (int g = 0; g < m; g++) {
            means[g] = new float[dims];
            for (int d = 0; d < dims; d++) {
                means[g][d] = (float) (sums[g][d] / sizes[g]);
            }
        }
        PriorityQueue<Pair> queue = new PriorityQueue<>(Pair.ORDER);
        // The graph of pairs at or above the threshold: rows in parallel, collected in row order.
        List<List<Pair>> rows = IntStream.range(0, m).parallel().mapToObj(a -> {
            List<Pair> row = new ArrayList<>();
            for (int b = a + 1; b < m; b++) {
                double s = Vectors.dot(means[a], means[b]);
                if (s >= threshold) {
                    row.add(new Pair(s, a, b));
                }
            }
            return row;
        }).toList();
        for (List<Pair> row : rows) {
            for (Pair p : row) {
                neighbours.get(p.a).add(p.b);
                neighbours.get(p.b).add(p.a);
                queue.add(p);
            }
        }
        boolean[] dead = new boolean[2 * m];
        int next = m;
        while (!queue.isEmpty()) {
            Pair p = queue.poll();
            if (dead[p.a] || dead[p.b]) {
                continue;
            }
            int id = next++;
            dead[p.a] = true;
            dead[p.b] = true;
            double[] sum = new double[dims];
            for (int d = 0; d < dims; d++) {
                sum[d] = sums[p.a][d] + sums[p.b][d];
            }
            sums[id] = sum;
            sizes[id] = sizes[p.a] + sizes[p.b];
            List<Integer> merged = new ArrayList<>(members.get(p.a));
            merged.addAll(members.get(p.b));
            members.add(merged);
            members.set(p.a, null);
            members.set(p.b, null);
            Node left = nodes.get(Math.min(p.a, p.b));
            Node right = nodes.get(Math.max(p.a, p.b));
            nodes.add(new Node(merged.stream().mapToInt(Integer::intValue).sorted().toArray(), left, right));
            Set<Integer> candidates = new HashSet<>(neighbours.get(p.a));
            candidates.addAll(neighbours.get(p.b));
            candidates.remove(p.a);
            candidates.remove(p.b);
            Set<Integer> mine = new HashSet<>();
            for (int k : candidates.stream().sorted().toList()) {
                neighbours.get(k).remove(p.a);
                neighbours.get(k).remove(p.b);
                double s = Vectors.dot(sum, sums[k]) / ((double) sizes[id] * sizes[k]);
                if (s >= threshold) {
                    mine.add(k);
                    neighbours.get(k).add(id);
                    queue.add(new Pair(s, k, id));
                }
            }
            neighbours.set(p.a, null);
            neighbours.set(p.b, null);
            neighbours.add(mine);
        }
        List<Node> out = new ArrayList<>();
        for (int c = 0; c < next; c++) {
            if (!dead[c]) {
                out.add(nodes.get(c));
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

    /** A candidate merge: higher similarity first, then lower ids (a < b is not required, ids are compared as given). */
    private record Pair(double similarity, int a, int b) {
        static final Comparator<Pair> ORDER = Comparator.comparingDouble(Pair::similarity).reversed()
                .thenComparingInt(p -> Math.min(p.a, p.b)).thenComparingInt(p -> Math.max(p.a, p.b));
    }
}
