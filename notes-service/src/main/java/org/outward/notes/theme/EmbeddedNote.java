package org.outward.notes.theme;

import java.util.List;
import org.outward.notes.vector.PackedVectors;
import org.outward.notes.vector.VectorIndex;

/**
 * A note cut into units, with one sentence vector per unit (same order, packed) and the terms of each unit's content
 * (what labels are made of): everything a theme computation needs of a note version, worked out once and kept in
 * memory ({@link StoredThemeVectors}).
 */
public record EmbeddedNote(NoteText note, List<ThemeUnits.Unit> units, PackedVectors vectors,
        List<List<ThemeTerms.Term>> terms) implements VectorIndex.Entry {

    public EmbeddedNote {
        if (units.size() != vectors.count() || units.size() != terms.size()) {
            throw new IllegalArgumentException("one vector and one term list per unit: " + units.size() + " units, "
                    + vectors.count() + " vectors, " + terms.size() + " term lists");
        }
        units = List.copyOf(units);
        terms = List.copyOf(terms);
    }

    public EmbeddedNote(NoteText note, List<ThemeUnits.Unit> units, PackedVectors vectors) {
        this(note, units, vectors, units.stream().map(u -> ThemeTerms.of(u.content())).toList());
    }

    /** Cuts the note into units and embeds them all (every section: which ones feed themes is decided later). */
    public static EmbeddedNote embed(NoteText note, SentenceEmbedder embedder) {
        List<ThemeUnits.Unit> units = ThemeUnits.of(note);
        return new EmbeddedNote(note, units, PackedVectors.of(
                embedder.embed(units.stream().map(ThemeUnits.Unit::content).toList()), embedder.dimensions()));
    }

    /** The same units and vectors for the note as read now (same text; title, library or date may have changed). */
    public EmbeddedNote of(NoteText current) {
        return new EmbeddedNote(current, units, vectors, terms);
    }

    @Override
    public long bytes() {
        long chars = note.body().length() + note.attachments().stream().mapToLong(String::length).sum();
        for (ThemeUnits.Unit unit : units) {
            chars += unit.text().length() + unit.content().length();
        }
        for (List<ThemeTerms.Term> unitTerms : terms) {
            chars += 48L * unitTerms.size();
        }
        return vectors.bytes() + 2 * chars + 256;
    }
}
