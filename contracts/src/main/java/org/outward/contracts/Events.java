package org.outward.contracts;

import java.util.List;
import java.util.Optional;
import org.outward.contracts.catalog.CohortCreated;
import org.outward.contracts.catalog.CohortUpdated;
import org.outward.contracts.catalog.LibraryJoinedCohort;
import org.outward.contracts.catalog.LibraryLeftCohort;
import org.outward.contracts.catalog.LibraryUpdated;
import org.outward.contracts.catalog.MemberAdded;
import org.outward.contracts.catalog.MemberRemoved;
import org.outward.contracts.catalog.MemberUpdated;
import org.outward.contracts.catalog.ProgressRecorded;
import org.outward.contracts.catalog.SessionCancelled;
import org.outward.contracts.catalog.SessionRegistered;
import org.outward.contracts.catalog.SessionRescheduled;
import org.outward.contracts.catalog.SessionScheduled;
import org.outward.contracts.catalog.SessionUnregistered;
import org.outward.contracts.catalog.WebinarArchived;
import org.outward.contracts.catalog.WebinarPublished;
import org.outward.contracts.catalog.WebinarUpdated;
import org.outward.contracts.notes.CommunityStageCalibrated;
import org.outward.contracts.notes.CommunityStageCalibratedV1;
import org.outward.contracts.notes.NoteDeleted;
import org.outward.contracts.notes.NoteUpdated;
import org.outward.contracts.notes.NoteUploaded;
import org.outward.contracts.notes.ThemesUpdated;

/**
 * The registry of every event type. A consumer accepts only types and versions listed here. A constant without a
 * version suffix is the version producers publish; a {@code _V1} constant is an older version that may still be
 * on its topic, which consumers keep accepting (docs/events.md says how each must be treated).
 */
public final class Events {

    public static final EventType<WebinarPublished> WEBINAR_PUBLISHED =
            new EventType<>("WebinarPublished", 1, Topics.CATALOG_WEBINARS, WebinarPublished.class);
    public static final EventType<LibraryJoinedCohort> LIBRARY_JOINED_COHORT =
            new EventType<>("LibraryJoinedCohort", 1, Topics.CATALOG_ROSTER, LibraryJoinedCohort.class);
    public static final EventType<MemberAdded> MEMBER_ADDED =
            new EventType<>("MemberAdded", 1, Topics.CATALOG_ROSTER, MemberAdded.class);
    /** v2: a private note's event carries no title or date. */
    public static final EventType<NoteUploaded> NOTE_UPLOADED =
            new EventType<>("NoteUploaded", 2, Topics.NOTES_NOTES, NoteUploaded.class);
    /** v1: carried a private note's title; accepted for withdrawing only. */
    public static final EventType<NoteUploaded> NOTE_UPLOADED_V1 =
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
    /** v2: a private note's event carries no title or date. */
    public static final EventType<NoteUpdated> NOTE_UPDATED =
            new EventType<>("NoteUpdated", 2, Topics.NOTES_NOTES, NoteUpdated.class);
    /** v1: carried a private note's title; accepted for withdrawing only. */
    public static final EventType<NoteUpdated> NOTE_UPDATED_V1 =
            new EventType<>("NoteUpdated", 1, Topics.NOTES_NOTES, NoteUpdated.class);
    public static final EventType<NoteDeleted> NOTE_DELETED =
            new EventType<>("NoteDeleted", 1, Topics.NOTES_NOTES, NoteDeleted.class);
    /** v2: only theme sets over notes shared with the cohort (scopes library-shared and cohort). */
    public static final EventType<ThemesUpdated> THEMES_UPDATED =
            new EventType<>("ThemesUpdated", 2, Topics.NOTES_THEMES, ThemesUpdated.class);
    /** v1: its library scope was computed from private notes too; consumers ignore that scope. */
    public static final EventType<ThemesUpdated> THEMES_UPDATED_V1 =
            new EventType<>("ThemesUpdated", 1, Topics.NOTES_THEMES, ThemesUpdated.class);
    /** v2: no reasons, only supporting notes shared with the cohort. */
    public static final EventType<CommunityStageCalibrated> COMMUNITY_STAGE_CALIBRATED =
            new EventType<>("CommunityStageCalibrated", 2, Topics.NOTES_CALIBRATIONS, CommunityStageCalibrated.class);
    /** v1: carried the reasons and every supporting note id; consumers use its stage only. */
    public static final EventType<CommunityStageCalibratedV1> COMMUNITY_STAGE_CALIBRATED_V1 =
            new EventType<>("CommunityStageCalibrated", 1, Topics.NOTES_CALIBRATIONS,
                    CommunityStageCalibratedV1.class);

    public static final EventType<CohortCreated> COHORT_CREATED =
            new EventType<>("CohortCreated", 1, Topics.CATALOG_ROSTER, CohortCreated.class);
    public static final EventType<CohortUpdated> COHORT_UPDATED =
            new EventType<>("CohortUpdated", 1, Topics.CATALOG_ROSTER, CohortUpdated.class);
    public static final EventType<LibraryUpdated> LIBRARY_UPDATED =
            new EventType<>("LibraryUpdated", 1, Topics.CATALOG_ROSTER, LibraryUpdated.class);
    public static final EventType<MemberUpdated> MEMBER_UPDATED =
            new EventType<>("MemberUpdated", 1, Topics.CATALOG_ROSTER, MemberUpdated.class);
    public static final EventType<SessionScheduled> SESSION_SCHEDULED =
            new EventType<>("SessionScheduled", 1, Topics.CATALOG_SESSIONS, SessionScheduled.class);
    public static final EventType<SessionRescheduled> SESSION_RESCHEDULED =
            new EventType<>("SessionRescheduled", 1, Topics.CATALOG_SESSIONS, SessionRescheduled.class);
    public static final EventType<SessionCancelled> SESSION_CANCELLED =
            new EventType<>("SessionCancelled", 1, Topics.CATALOG_SESSIONS, SessionCancelled.class);
    public static final EventType<SessionRegistered> SESSION_REGISTERED =
            new EventType<>("SessionRegistered", 1, Topics.CATALOG_SESSIONS, SessionRegistered.class);
    public static final EventType<SessionUnregistered> SESSION_UNREGISTERED =
            new EventType<>("SessionUnregistered", 1, Topics.CATALOG_SESSIONS, SessionUnregistered.class);

    public static final List<EventType<?>> ALL = List.of(WEBINAR_PUBLISHED, WEBINAR_UPDATED, WEBINAR_ARCHIVED,
            LIBRARY_JOINED_COHORT, LIBRARY_LEFT_COHORT, MEMBER_ADDED, MEMBER_REMOVED, PROGRESS_RECORDED,
            NOTE_UPLOADED, NOTE_UPLOADED_V1, NOTE_UPDATED, NOTE_UPDATED_V1, NOTE_DELETED, THEMES_UPDATED,
            THEMES_UPDATED_V1, COMMUNITY_STAGE_CALIBRATED, COMMUNITY_STAGE_CALIBRATED_V1, COHORT_CREATED,
            SESSION_SCHEDULED, SESSION_RESCHEDULED, SESSION_CANCELLED, SESSION_REGISTERED, SESSION_UNREGISTERED,
            COHORT_UPDATED, LIBRARY_UPDATED, MEMBER_UPDATED);

    private Events() {
    }

    public static Optional<EventType<?>> find(String name, int version) {
        return ALL.stream().filter(t -> t.name().equals(name) && t.version() == version).findFirst();
    }
}
