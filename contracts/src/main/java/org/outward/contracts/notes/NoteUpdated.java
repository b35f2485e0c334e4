package org.outward.contracts.notes;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A note's metadata, text or attachments changed. Subject: noteId. As for {@link NoteUploaded}: in version 2 a
 * private note's event has a null {@code title} and {@code conversationDate}; a version-1 event of a private
 * note is used for withdrawing only.
 */
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
