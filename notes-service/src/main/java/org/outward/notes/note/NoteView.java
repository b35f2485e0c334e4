package org.outward.notes.note;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A note as the API shows it. */
public record NoteView(
        String id,
        String libraryId,
        String cohortId,
        String title,
        String body,
        LocalDate conversationDate,
        String place,
        String facilitator,
        Integer participants,
        List<String> segments,
        List<String> tags,
        Visibility visibility,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    static NoteView of(Note note) {
        return new NoteView(note.id(), note.libraryId(), note.cohortId(), note.title(), note.body(),
                note.conversationDate(), note.place(), note.facilitator(), note.participants(), note.segments(),
                note.tags(), note.visibility(), note.version(), note.createdAt(), note.updatedAt());
    }
}
