package org.outward.contracts.notes;

import java.time.Instant;

/** A note was deleted. Subject: noteId. */
public record NoteDeleted(String noteId, String libraryId, String cohortId, String visibility, Instant deletedAt) {
}
