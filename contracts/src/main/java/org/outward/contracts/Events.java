package org.outward.contracts;

import java.util.List;
import java.util.Optional;
import org.outward.contracts.catalog.LibraryJoinedCohort;
import org.outward.contracts.catalog.LibraryLeftCohort;
import org.outward.contracts.catalog.MemberAdded;
import org.outward.contracts.catalog.MemberRemoved;
import org.outward.contracts.catalog.ProgressRecorded;
import org.outward.contracts.catalog.WebinarArchived;
import org.outward.contracts.catalog.WebinarPublished;
import org.outward.contracts.catalog.WebinarUpdated;
import org.outward.contracts.notes.CommunityStageCalibrated;
import org.outward.contracts.notes.NoteDeleted;
import org.outward.contracts.notes.NoteUpdated;
import org.outward.contracts.notes.NoteUploaded;
import org.outward.contracts.notes.ThemesUpdated;

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

    public static final EventType<WebinarUpdated> WEBINAR_UPDATED =
            new EventType<>("WebinarUpdated", 1, Topics.CATALOG_WEBINARS, WebinarUpdated.class);
    public static final EventType<WebinarArchived> WEBINAR_ARCHIVED =
            new EventType<>("WebinarArchived", 1, Topics.CATALOG_WEBINARS, WebinarArchived.class);
    public static final EventType<LibraryLeftCohort> LIBRARY_LEFT_COHORT =
            new EventType<>("LibraryLeftCohort", 1, Topics.CATALOG_ROSTER, LibraryLeftCohort.class);
    public static final EventType<MemberRemoved> MEMBER_REMOVED =
            new EventType<>("MemberRemoved", 1, Topics.CATALOG_ROSTER, MemberRemoved.class);
    public static final EventType<ProgressRecorded> PROGRESS_RECORDED =
            new EventType<>("ProgressRecorded", 1, Topics.CATALOG_PROGRESS, ProgressRecorded.class);
    public static final EventType<NoteUpdated> NOTE_UPDATED =
            new EventType<>("NoteUpdated", 1, Topics.NOTES_NOTES, NoteUpdated.class);
    public static final EventType<NoteDeleted> NOTE_DELETED =
            new EventType<>("NoteDeleted", 1, Topics.NOTES_NOTES, NoteDeleted.class);
    public static final EventType<ThemesUpdated> THEMES_UPDATED =
            new EventType<>("ThemesUpdated", 1, Topics.NOTES_THEMES, ThemesUpdated.class);
    public static final EventType<CommunityStageCalibrated> COMMUNITY_STAGE_CALIBRATED =
            new EventType<>("CommunityStageCalibrated", 1, Topics.NOTES_CALIBRATIONS, CommunityStageCalibrated.class);

    public static final List<EventType<?>> ALL = List.of(WEBINAR_PUBLISHED, WEBINAR_UPDATED, WEBINAR_ARCHIVED,
            LIBRARY_JOINED_COHORT, LIBRARY_LEFT_COHORT, MEMBER_ADDED, MEMBER_REMOVED, PROGRESS_RECORDED,
            NOTE_UPLOADED, NOTE_UPDATED, NOTE_DELETED, THEMES_UPDATED, COMMUNITY_STAGE_CALIBRATED);

    private Events() {
    }

    public static Optional<EventType<?>> find(String name, int version) {
        return ALL.stream().filter(t -> t.name().equals(name) && t.version() == version).findFirst();
    }
}
