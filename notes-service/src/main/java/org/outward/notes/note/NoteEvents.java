package org.outward.notes.note;

import java.time.Instant;
import org.outward.contracts.notes.NoteDeleted;
import org.outward.contracts.notes.NoteUpdated;
import org.outward.contracts.notes.NoteUploaded;

/**
 * The payloads of a note's events, in one place because they decide what of a note leaves this service: the
 * notes topic is read by notification-service, which serves other libraries, so a private note's event names the
 * note (its own theme recomputation needs that) and carries none of its content (docs/privacy.md).
 */
final class NoteEvents {

    private NoteEvents() {
    }

    static NoteUploaded uploaded(Note note) {
        boolean shared = note.visibility() == Visibility.COHORT;
        return new NoteUploaded(note.id(), note.libraryId(), note.cohortId(), shared ? note.title() : null,
                note.visibility().wireName(), shared ? note.conversationDate() : null, note.createdAt());
    }

    static NoteUpdated updated(Note note) {
        boolean shared = note.visibility() == Visibility.COHORT;
        return new NoteUpdated(note.id(), note.libraryId(), note.cohortId(), shared ? note.title() : null,
                note.visibility().wireName(), shared ? note.conversationDate() : null, note.version(),
                note.updatedAt());
    }

    static NoteDeleted deleted(Note note, Instant at) {
        return new NoteDeleted(note.id(), note.libraryId(), note.cohortId(), note.visibility().wireName(), at);
    }
}
