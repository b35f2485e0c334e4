package org.outward.notes.vector;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * Unit-length vectors of one dimension packed row after row in one {@code float[]}: no object per vector, and
 * rows next to each other in memory, which is what the similarity computations walk through. Immutable once built.
 */
public final class PackedVectors {

    private final int dims;
    private final float[] values;

    private PackedVectors(int dims, float[] values) {
        if (dims <= 0 || values.length % dims != 0) {
            throw new IllegalArgumentException(values.length + " values are not rows of " + dims);
        }
        this.dims = dims;
        this.values = values;
    }

    /** The vectors in order (an empty list gives an empty set of the given dimension). */
    public static PackedVectors of(List<float[]> vectors, int dims) {
        float[] values = new float[vectors.size() * dims];
        for (int i = 0; i < vectors.size(); i++) {
            float[] v = vectors.get(i);
            if (v.length != dims) {
                throw new IllegalArgumentException("vector " + i + " has " + v.length + " dimensions, not " + dims);
            }
            System.arraycopy(v, 0, values, i * dims, dims);
        }
        return new PackedVectors(dims, values);
    }

    /** Rows of other packed sets, one after the other (all of one dimension). */
    public static PackedVectors concat(List<PackedVectors> parts, int dims) {
        int rows = 0;
        for (PackedVectors p : parts) {
            rows += p.count();
        }
        float[] values = new float[rows * dims];
        int at = 0;
        for (PackedVectors p : parts) {
            if (p.count() > 0 && p.dims != dims) {
                throw new IllegalArgumentException(p.dims + " dimensions, not " + dims);
            }
            System.arraycopy(p.values, 0, values, at, p.values.length);
            at += p.values.length;
        }
        return new PackedVectors(dims, values);
    }

    /** Selected rows, in the order given. */
    public PackedVectors rows(int[] positions) {
        float[] out = new float[positions.length * dims];
        for (int i = 0; i < positions.length; i++) {
            System.arraycopy(values, positions[i] * dims, out, i * dims, dims);
        }
        return new PackedVectors(dims, out);
    }

    public int count() {
        return values.length / dims;
    }

    public int dims() {
        return dims;
    }

    /** A copy of row {@code i}. */
    public float[] row(int i) {
        float[] out = new float[dims];
        System.arraycopy(values, i * dims, out, 0, dims);
        return out;
    }

    /** Cosine similarity of row {@code i} with a unit vector (their dot product), summed in dimension order. */
    public float dot(int i, float[] other) {
        int base = i * dims;
        float s = 0;
        for (int d = 0; d < dims; d++) {
            s += values[base + d] * other[d];
        }
        return s;
    }

    /** The similarity of every row with a unit vector: what a nearest-neighbour search ranks by. */
    public float[] dots(float[] other) {
        float[] out = new float[count()];
        for (int i = 0; i < out.length; i++) {
            out[i] = dot(i, other);
        }
        return out;
    }

    /** Adds row {@code i} to {@code sum}, dimension by dimension. */
    public void addTo(int i, double[] sum) {
        int base = i * dims;
        for (int d = 0; d < dims; d++) {
            sum[d] += values[base + d];
        }
    }

    /** The unit-length mean of all rows (zero when there are none): one vector for a whole note. */
    public float[] centre() {
        double[] sum = new double[dims];
        for (int i = 0; i < count(); i++) {
            addTo(i, sum);
        }
        return unit(sum);
    }

    /** {@code sum} scaled to length 1 (zero stays zero). */
    public static float[] unit(double[] sum) {
        double norm = 0;
        for (double v : sum) {
            norm += v * v;
        }
        norm = Math.sqrt(norm);
        float[] out = new float[sum.length];
        for (int d = 0; d < sum.length; d++) {
            out[d] = norm == 0 ? 0 : (float) (sum[d] / norm);
        }
        return out;
    }

    /** float32 little-endian, row after row: how vectors are stored. */
    public byte[] toBytes(int i) {
        ByteBuffer buffer = ByteBuffer.allocate(dims * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(values, i * dims, dims);
        return buffer.array();
    }

    public static float[] fromBytes(byte[] bytes) {
        float[] vector = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
        return vector;
    }

    /** Bytes held in memory (the values only). */
    public long bytes() {
        return (long) values.length * Float.BYTES;
    }

    /** The backing values: for the similarity kernels of this package only. */
    float[] values() {
        return values;
    }
}
