package org.outward.contracts;

import java.util.List;
import java.util.Optional;
import org.outward.contracts.catalog.LibraryJoinedCohort;
import org.outward.contracts.catalog.MemberAdded;
import org.outward.contracts.catalog.WebinarPublished;
import org.outward.contracts.notes.NoteUploaded;

/** The registry of every event type. A consumer accepts only types and versions listed here. */
public final class Events {

    public static final EventType<WebinarPublished> WEBINAR_PUBLISHED =
            new EventType<>("WebinarPublished", 1, Topics.CATALOG_WEBINARS, WebinarPublished.class);
    public static final EventType<LibraryJoinedCohort> LIBRARY_JOINED_COHORT =
            new EventType<>("LibraryJoinedCohort", 1, Topics.CATALOG_ROSTER, LibraryJoinedCohort.class);
    public static final EventType<MemberAdded> MEMBER_ADDED =
            new EventType<>("MemberAdded", 1, Topics.CATALOG_ROSTER, MemberAdded.class);
    public static final EventType<NoteUploaded> NOTE_UPLOADED =
            new EventType<>("NoteUploaded", 1, Topics.NOTES_NOTES, NoteUploaded.class);

    public static final List<EventType<?>> ALL =
            List.of(WEBINAR_PUBLISHED, LIBRARY_JOINED_COHORT, MEMBER_ADDED, NOTE_UPLOADED);

    private Events() {
    }

    public static Optional<EventType<?>> find(String name, int version) {
        return ALL.stream().filter(t -> t.name().equals(name) && t.version() == version).findFirst();
    }
}
