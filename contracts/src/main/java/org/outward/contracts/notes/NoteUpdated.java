package org.outward.contracts.notes;

import java.time.Instant;
import java.time.LocalDate;

/** A note's metadata, text or attachments changed. Subject: noteId. */
public record NoteUpdated(
        String noteId,
        String libraryId,
        String cohortId,
        String title,
        String visibility,
        LocalDate conversationDate,
        long noteVersion,
        Instant updatedAt) {
}
