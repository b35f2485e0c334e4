package org.outward.notes.note;

import org.outward.platform.errors.ForbiddenException;
import org.outward.platform.errors.NotFoundException;
import org.outward.platform.security.Caller;

/**
 * Who may see and change a note (issue 3): staff read every note; a library member reads their
 * library's notes and the notes shared with their cohort; only members of the note's own library
 * change it (staff are read-only on notes: notes are the libraries' voice). A note the caller may
 * not read is reported as absent (404), so its existence is not revealed.
 */
public final class NoteAccess {

    private NoteAccess() {
    }

    static boolean isMember(Caller caller) {
        return caller.roles().contains(Caller.MEMBER) && caller.libraryId() != null;
    }

    static boolean owns(Caller caller, Note note) {
        return isMember(caller) && caller.libraryId().equals(note.libraryId());
    }

    static boolean canRead(Caller caller, Note note) {
        return canRead(caller, note.libraryId(), note.cohortId(), note.visibility() == Visibility.COHORT);
    }

    /** The rule of {@link #canRead(Caller, Note)} on a note's facts: search applies it to every note it ranks. */
    public static boolean canRead(Caller caller, String libraryId, String cohortId, boolean shared) {
        return caller.isStaff() || (isMember(caller) && caller.libraryId().equals(libraryId))
                || (shared && cohortId != null && caller.roles().contains(Caller.MEMBER)
                        && cohortId.equals(caller.cohortId()));
    }

    static Note requireReadable(Caller caller, Note note) {
        if (!canRead(caller, note)) {
            throw new NotFoundException("note", note.id());
        }
        return note;
    }

    static Note requireWritable(Caller caller, Note note) {
        requireReadable(caller, note);
        if (!owns(caller, note)) {
            throw new ForbiddenException("Only members of the note's library may change it.");
        }
        return note;
    }

    /** The library a new note is uploaded for: the caller's own; naming another one is refused. */
    static String uploadingLibrary(Caller caller, String namedLibraryId, String namedCohortId) {
        if (!isMember(caller)) {
            throw new ForbiddenException(caller.isStaff()
                    ? "Program staff have read-only access to notes; a library member uploads them."
                    : "Your account is not a member of a library.");
        }
        if (namedLibraryId != null && !namedLibraryId.strip().equals(caller.libraryId())) {
            throw new ForbiddenException("You may only upload notes for your own library.");
        }
        if (namedCohortId != null && !namedCohortId.strip().equals(caller.cohortId())) {
            throw new ForbiddenException("You may only share notes with your own cohort.");
        }
        return caller.libraryId();
    }
}
