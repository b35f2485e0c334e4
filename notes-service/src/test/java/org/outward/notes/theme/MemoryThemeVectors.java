package org.outward.notes.theme;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Vectors kept in memory, keyed like the stored ones (note id, version and fingerprint): tests and benchmarks that
 * need no MongoDB embed each note version once per JVM.
 */
public final class MemoryThemeVectors implements ThemeVectors {

    private static final Map<String, EmbeddedNote> CACHE = new ConcurrentHashMap<>();

    private final SentenceEmbedder embedder;

    public MemoryThemeVectors(SentenceEmbedder embedder) {
        this.embedder = embedder;
    }

    /** Over the JVM's one model. */
    public static MemoryThemeVectors shared() {
        return new MemoryThemeVectors(TestEmbedder.get());
    }

    @Override
    public List<EmbeddedNote> of(List<NoteText> notes) {
        List<EmbeddedNote> out = new ArrayList<>(notes.size());
        for (NoteText note : notes) {
            String key = note.id() + ":" + note.version() + ":" + note.fingerprint();
            EmbeddedNote embedded = CACHE.computeIfAbsent(key, k -> EmbeddedNote.embed(note, embedder));
            // The cached units belong to the same text; the note's other fields (title, library) are the caller's.
            out.add(embedded.of(note));
        }
        return out;
    }
}
