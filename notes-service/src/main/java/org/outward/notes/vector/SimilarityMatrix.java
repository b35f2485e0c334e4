package org.outward.notes.vector;

import java.util.stream.IntStream;

/**
 * The cosine similarities of every pair of a set of unit vectors: the lower triangle of the matrix, 4 bytes a pair
 * (72 MB for 6,000 vectors), mutable so clustering can update it in place.
 *
 * <p>Computed as blocks of a matrix product rather than one dot product per pair: a strip of columns stored
 * dimension-major stays in the core's cache while the rows below it pass four at a time, and the inner loop is a
 * multiply-add over adjacent columns (no reduction, so the optimizing JIT may use SIMD instructions). Every pair is
 * summed in dimension order, the same as {@link PackedVectors#dot}: a similarity does not depend on where the pair
 * sits, on the thread that computed it, or on the order of the input.
 */
public final class SimilarityMatrix {

    private static final int ROWS = 4;
    private static final int STRIP = 256;

    private final int size;
    private final float[] values;

    private SimilarityMatrix(int size, float[] values) {
        this.size = size;
        this.values = values;
    }

    public static SimilarityMatrix of(PackedVectors vectors) {
        int n = vectors.count();
        int dims = vectors.dims();
        float[] rows = vectors.values();
        float[] columns = new float[n * dims]; // dimension-major: columns[d * n + j]
        for (int j = 0; j < n; j++) {
            for (int d = 0; d < dims; d++) {
                columns[d * n + j] = rows[j * dims + d];
            }
        }
        float[] values = new float[(int) ((long) n * (n - 1) / 2)];
        int strips = (n + STRIP - 1) / STRIP;
        // A strip of columns stays in the core's cache while every row below it passes; earlier strips have more
        // rows below them, so they are handed out first and the threads finish together.
        IntStream.range(0, strips).parallel().forEach(s -> strip(rows, columns, n, dims, s * STRIP, values));
        return new SimilarityMatrix(n, values);
    }

    /** Columns {@code j0 .. j0+STRIP-1} against every row after {@code j0}, four rows at a time. */
    private static void strip(float[] rows, float[] columns, int n, int dims, int j0, float[] values) {
        // The sums of four rows, a strip each.
        float[] acc = new float[ROWS * STRIP];
        for (int i0 = j0 + 1; i0 < n; i0 += ROWS) {
            int i1 = Math.min(n, i0 + ROWS);
            int w = Math.min(STRIP, i1 - 1 - j0); // the last row's columns in this strip
            java.util.Arrays.fill(acc, 0f);
            for (int r = 0; r < i1 - i0; r++) {
                int row = (i0 + r) * dims;
                int sums = r * STRIP;
                for (int d = 0; d < dims; d++) {
                    axpy(rows[row + d], columns, d * n + j0, acc, sums, w);
                }
            }
            for (int r = 0; r < ROWS; r++) {
                store(values, i0 + r, j0, w, acc, r * STRIP, i1);
            }
        }
    }

    /** {@code y[to..] += a * x[from..]} over {@code w} values. */
    private static void axpy(float a, float[] x, int from, float[] y, int to, int w) {
        for (int j = 0; j < w; j++) {
            y[to + j] += a * x[from + j];
        }
    }

    private static void store(float[] values, int i, int j0, int w, float[] acc, int from, int end) {
        if (i >= end) {
            return;
        }
        int count = Math.min(w, i - j0); // only columns below the diagonal
        if (count > 0) {
            System.arraycopy(acc, from, values, (int) ((long) i * (i - 1) / 2) + j0, count);
        }
    }

    /**
     * The similarities of {@code vectors}, taken from {@code old} for every pair of vectors it had ({@code oldPositions}
     * gives each vector's row in {@code old}, -1 for a new one) and computed for the pairs with a new vector. Kept
     * vectors must be in the same relative order as in {@code old}; if they are not, everything is computed.
     */
    public static SimilarityMatrix reusing(SimilarityMatrix old, int[] oldPositions, PackedVectors vectors) {
        int n = vectors.count();
        int last = -1;
        int kept = 0;
        for (int p : oldPositions) {
            if (p >= 0) {
                if (p <= last) {
                    return of(vectors);
                }
                last = p;
                kept++;
            }
        }
        if (kept < n / 2) {
            return of(vectors); // mostly new: the blocked product is faster
        }
        float[] values = new float[(int) ((long) n * (n - 1) / 2)];
        float[] rows = vectors.values();
        int dims = vectors.dims();
        IntStream.range(1, n).parallel().forEach(i -> {
            int base = (int) ((long) i * (i - 1) / 2);
            int oi = oldPositions[i];
            int oldBase = oi < 0 ? -1 : (int) ((long) oi * (oi - 1) / 2);
            for (int k = 0; k < i; k++) {
                int ok = oldPositions[k];
                values[base + k] = oi >= 0 && ok >= 0 ? old.values[oldBase + ok] : dot(rows, i, k, dims);
            }
        });
        return new SimilarityMatrix(n, values);
    }

    /** Summed in dimension order, as {@link PackedVectors#dot} and the blocked product do. */
    private static float dot(float[] rows, int i, int k, int dims) {
        float s = 0;
        int a = i * dims;
        int b = k * dims;
        for (int d = 0; d < dims; d++) {
            s += rows[a + d] * rows[b + d];
        }
        return s;
    }

    /** A copy to change (clustering updates similarities as clusters merge). */
    public SimilarityMatrix copy() {
        return new SimilarityMatrix(size, values.clone());
    }

    public long bytes() {
        return (long) values.length * Float.BYTES;
    }

    public int size() {
        return size;
    }

    public float get(int i, int j) {
        return i > j ? values[(int) ((long) i * (i - 1) / 2) + j] : values[(int) ((long) j * (j - 1) / 2) + i];
    }

    public void set(int i, int j, float v) {
        if (i > j) {
            values[(int) ((long) i * (i - 1) / 2) + j] = v;
        } else {
            values[(int) ((long) j * (j - 1) / 2) + i] = v;
        }
    }

    /** Row {@code i} into {@code out} ({@code out[i]} is left as it was): one pass, no index arithmetic per cell. */
    public void row(int i, float[] out) {
        int base = (int) ((long) i * (i - 1) / 2);
        System.arraycopy(values, base, out, 0, i);
        long at = (long) i * (i + 1) / 2 + i; // (i+1, i)
        for (int k = i + 1; k < size; k++) {
            out[k] = values[(int) at];
            at += k;
        }
    }

    /** Writes row {@code i} from {@code in}, only where {@code open} (the diagonal is never written). */
    public void setRow(int i, float[] in, boolean[] open) {
        int base = (int) ((long) i * (i - 1) / 2);
        for (int k = 0; k < i; k++) {
            if (open[k]) {
                values[base + k] = in[k];
            }
        }
        long at = (long) i * (i + 1) / 2 + i;
        for (int k = i + 1; k < size; k++) {
            if (open[k]) {
                values[(int) at] = in[k];
            }
            at += k;
        }
    }
}
