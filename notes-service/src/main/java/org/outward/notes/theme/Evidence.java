package org.outward.notes.theme;

import java.time.LocalDate;

/** A sentence of a note that supports a theme, and where it stands. */
public record Evidence(String noteId, String libraryId, String noteTitle, LocalDate conversationDate,
        String section, String sentence) {
}
