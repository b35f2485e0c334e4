package org.outward.notes.note;

/**
 * Published in-process right after a note's document was written (uploaded, edited, extended, re-extracted or
 * deleted), so in-memory views of the notes (search) follow this instance's writes before the response; other
 * instances learn of the write from its Kafka event.
 */
public record NoteWritten(String noteId) {
}
