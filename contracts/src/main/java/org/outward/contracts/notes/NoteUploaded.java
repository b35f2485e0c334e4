package org.outward.contracts.notes;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A library uploaded a conversation note. Subject: noteId. The text itself is not on the wire:
 * consumers that may show it get the title only, and visibility says who may see even that.
 *
 * @param visibility {@code private} (the library only) or {@code cohort} (shared with the cohort)
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
