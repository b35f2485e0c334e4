package org.outward.notes.vector;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The sentence vectors of notes kept in memory, by note id, each under the version of the note it was computed from
 * (any string that changes when the note's text does): a computation over a thousand notes reads none of them from
 * the database twice. Bounded by the bytes its entries weigh; the least recently used note goes first (it is read
 * from the database again when needed). Updated by whoever embeds or deletes a note; safe to share between threads.
 *
 * @param <V> what is kept for a note: its vectors and whatever a feature needs beside them (themes: the units and
 *            their terms; search: the note's centre)
 */
public final class VectorIndex<V extends VectorIndex.Entry> {

    /** What the index keeps for a note. */
    public interface Entry {
        /** The note's sentence vectors, in the note's order. */
        PackedVectors vectors();

        /** About how many bytes the entry holds: vectors plus text. */
        long bytes();
    }

    private record Slot<V>(String version, V value) {
    }

    private final long capacity;
    private final LinkedHashMap<String, Slot<V>> slots = new LinkedHashMap<>(256, 0.75f, true);
    private long bytes;

    /** @param capacity bytes the entries may weigh together (0: keep nothing) */
    public VectorIndex(long capacity) {
        this.capacity = capacity;
    }

    /** The note's entry, if the index has it for this version. */
    public synchronized Optional<V> get(String noteId, String version) {
        Slot<V> slot = slots.get(noteId);
        return slot != null && slot.version().equals(version) ? Optional.of(slot.value()) : Optional.empty();
    }

    /** Keeps (or replaces) the note's entry, then drops the least recently used until the index fits. */
    public synchronized void put(String noteId, String version, V value) {
        if (value.bytes() > capacity) {
            remove(noteId);
            return;
        }
        Slot<V> before = slots.put(noteId, new Slot<>(version, value));
        bytes += value.bytes() - (before == null ? 0 : before.value().bytes());
        var eldest = slots.entrySet().iterator();
        while (bytes > capacity && eldest.hasNext()) {
            Map.Entry<String, Slot<V>> e = eldest.next();
            if (!e.getKey().equals(noteId)) {
                bytes -= e.getValue().value().bytes();
                eldest.remove();
            }
        }
    }

    public synchronized void remove(String noteId) {
        Slot<V> before = slots.remove(noteId);
        if (before != null) {
            bytes -= before.value().bytes();
        }
    }

    public synchronized int size() {
        return slots.size();
    }

    public synchronized long bytes() {
        return bytes;
    }
}
