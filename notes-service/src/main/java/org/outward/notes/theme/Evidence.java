package org.outward.notes.theme;

import java.time.LocalDate;

/**
 * A sentence of a note that supports a theme, and where it stands.
 *
 * @param link the note's address in the API ({@code /api/notes/<noteId>})
 */
public record Evidence(String noteId, String libraryId, String noteTitle, LocalDate conversationDate,
        String section, String sentence, String link) {

    public Evidence(String noteId, String libraryId, String noteTitle, LocalDate conversationDate, String section,
            String sentence) {
        this(noteId, libraryId, noteTitle, conversationDate, section, sentence, linkTo(noteId));
    }

    static String linkTo(String noteId) {
        return "/api/notes/" + noteId;
    }
}
