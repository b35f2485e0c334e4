package org.outward.notes.theme;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;

/**
 * A sentence of a note that supports a theme, and where it stands.
 *
 * @param link the note's address in the API ({@code /api/notes/<noteId>})
 */
@Schema(description = "A sentence of a note that supports a theme")
public record Evidence(String noteId, String libraryId, String noteTitle, LocalDate conversationDate,
        @Schema(description = "aspirations, concerns, actions, trust or other") String section,
        @Schema(description = "The sentence as written in the note or its attachment") String sentence,
        @Schema(description = "The note in the API, e.g. /api/notes/{noteId}") String link) {

    public Evidence(String noteId, String libraryId, String noteTitle, LocalDate conversationDate, String section,
            String sentence) {
        this(noteId, libraryId, noteTitle, conversationDate, section, sentence, linkTo(noteId));
    }

    static String linkTo(String noteId) {
        return "/api/notes/" + noteId;
    }
}
