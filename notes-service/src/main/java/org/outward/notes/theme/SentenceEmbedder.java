package org.outward.notes.theme;

import java.util.List;

/** Turns sentences into unit-length vectors whose dot product says how alike their meanings are. */
public interface SentenceEmbedder {

    /** One vector per text, in order; each of length {@link #dimensions()} and unit norm. */
    List<float[]> embed(List<String> texts);

    int dimensions();
}
