package org.outward.notes.theme;

import java.util.List;

/** Where the engine gets the units and vectors of notes: embedded once per note version, then reused. */
public interface ThemeVectors {

    /** The notes with their units and vectors, in the order given; notes not embedded yet are embedded now. */
    List<EmbeddedNote> of(List<NoteText> notes);
}
