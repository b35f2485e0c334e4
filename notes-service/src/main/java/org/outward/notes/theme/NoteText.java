package org.outward.notes.theme;

import java.time.LocalDate;

/**
 * What theme computation reads of a note: who raised it, when, and its whole text (body and the text extracted
 * from its attachments).
 */
public record NoteText(String id, String libraryId, String title, LocalDate conversationDate, String text) {
}
