package org.outward.notes.theme;

import java.util.List;

/** A note cut into units, with one sentence vector per unit (same order). */
public record EmbeddedNote(NoteText note, List<ThemeUnits.Unit> units, List<float[]> vectors) {

    public EmbeddedNote {
        if (units.size() != vectors.size()) {
            throw new IllegalArgumentException("one vector per unit: " + units.size() + " units, " + vectors.size());
        }
    }

    /** Cuts the note into units and embeds them all (every section: which ones feed themes is decided later). */
    public static EmbeddedNote embed(NoteText note, SentenceEmbedder embedder) {
        List<ThemeUnits.Unit> units = ThemeUnits.of(note);
        return new EmbeddedNote(note, units, embedder.embed(units.stream().map(ThemeUnits.Unit::content).toList()));
    }
}
