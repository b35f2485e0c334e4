package org.outward.notes.vector;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The similarity matrix of each recent scope (a set of vectors computed together again and again, such as one
 * cohort's sentences), kept so the next computation over nearly the same vectors computes only the rows of what is
 * new: after one new note of a thousand, 6 rows instead of 18 million pairs. Each vector has a key that changes when
 * the vector does; the keys of a scope come in one fixed order (the caller's sort), so the vectors both computations
 * share keep their relative order and their similarities are copied over. Bounded by bytes, least recently used
 * scope first; safe to share between threads.
 */
public final class SimilarityCache {

    private record Cached(List<String> keys, SimilarityMatrix matrix) {
        long bytes() {
            return matrix.bytes() + keys.size() * 64L;
        }
    }

    private final long capacity;
    private final LinkedHashMap<String, Cached> scopes = new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;

    /** @param capacity bytes the kept matrices may weigh together (0: keep none) */
    public SimilarityCache(long capacity) {
        this.capacity = capacity;
    }

    /**
     * The similarities of {@code vectors} (keyed by {@code keys}, same order): from the scope's last matrix for the
     * pairs it already had, computed for the rest. The result is kept for the scope and must not be changed: copy it
     * first ({@link SimilarityMatrix#copy}).
     */
    public SimilarityMatrix matrix(String scope, List<String> keys, PackedVectors vectors) {
        Cached before;
        synchronized (this) {
            before = scopes.get(scope);
        }
        SimilarityMatrix matrix = before == null ? SimilarityMatrix.of(vectors)
                : SimilarityMatrix.reusing(before.matrix(), positions(before.keys(), keys), vectors);
        Cached next = new Cached(List.copyOf(keys), matrix);
        synchronized (this) {
            Cached replaced = scopes.remove(scope);
            if (replaced != null) {
                bytes -= replaced.bytes();
            }
            if (next.bytes() <= capacity) {
                scopes.put(scope, next);
                bytes += next.bytes();
                var eldest = scopes.entrySet().iterator();
                while (bytes > capacity && eldest.hasNext()) {
                    Map.Entry<String, Cached> e = eldest.next();
                    if (!e.getKey().equals(scope)) {
                        bytes -= e.getValue().bytes();
                        eldest.remove();
                    }
                }
            }
        }
        return matrix;
    }

    public synchronized void forget(String scope) {
        Cached gone = scopes.remove(scope);
        if (gone != null) {
            bytes -= gone.bytes();
        }
    }

    public synchronized long bytes() {
        return bytes;
    }

    /** For each new key, its position among the old keys (-1: new). */
    private static int[] positions(List<String> old, List<String> keys) {
        Map<String, Integer> at = new HashMap<>(old.size() * 2);
        for (int i = 0; i < old.size(); i++) {
            at.put(old.get(i), i);
        }
        int[] out = new int[keys.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = at.getOrDefault(keys.get(i), -1);
        }
        return out;
    }
}
