package org.outward.contracts.notes;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A library uploaded a conversation note. Subject: noteId. The text itself is never on the wire. Version 2
 * (the one produced): a private note's event carries no content at all, {@code title} and
 * {@code conversationDate} are null, because the topic is read by services that serve other libraries.
 * Version 1 (still accepted) carried the title of private notes too: a consumer uses a v1 private-note event
 * for nothing but withdrawing what it knew of the note.
 *
 * @param title            the title; null for a private note (v2)
 * @param visibility       {@code private} (the library only) or {@code cohort} (shared with the cohort)
 * @param conversationDate when the conversation took place; null for a private note (v2)
 */
public record NoteUploaded(
        String noteId,
        String libraryId,
        String cohortId,
        String title,
        String visibility,
        LocalDate conversationDate,
        Instant uploadedAt) {

    public static final String VISIBILITY_PRIVATE = "private";
    public static final String VISIBILITY_COHORT = "cohort";
}
