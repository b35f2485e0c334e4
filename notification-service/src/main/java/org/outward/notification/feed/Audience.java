package org.outward.notification.feed;

import org.outward.contracts.notes.NoteUploaded;
import org.outward.notification.preference.NewsKind;
import org.outward.notification.recipient.Recipient;

/**
 * Who may see which item: the one place that decides it, used for immediate notices, digests and previews
 * alike. Private notes never become items at all; this is the second line (a note shared by a library is
 * never shown back to that library's own team as "shared by a peer", and other cohorts never see it).
 */
public final class Audience {

    private Audience() {
    }

    public static boolean canSee(Recipient recipient, FeedItem item) {
        if (item.withdrawn()) {
            return false;
        }
        return switch (item.kind()) {
            case NEW_WEBINAR -> recipient.isLibraryMember();
            case COHORT_NOTES -> NoteUploaded.VISIBILITY_COHORT.equals(item.text("visibility"))
                    && (recipient.isStaff() || (recipient.isLibraryMember() && sameCohort(recipient, item)
                    && !java.util.Objects.equals(item.libraryId(), recipient.libraryId())));
            case THEMES, CALIBRATIONS -> recipient.isStaff() || (recipient.isLibraryMember()
                    && sameCohort(recipient, item));
            case PROGRESS_REMINDERS -> recipient.isLibraryMember() && recipient.libraryId() != null
                    && recipient.libraryId().equals(item.libraryId());
            case SESSION_REMINDERS -> false; // sent one by one at their time, never as feed items
        };
    }

    private static boolean sameCohort(Recipient recipient, FeedItem item) {
        return recipient.cohortId() != null && recipient.cohortId().equals(item.cohortId());
    }

    /** Kinds whose items are about one cohort (the rest are program-wide or per library). */
    public static boolean perCohort(NewsKind kind) {
        return kind == NewsKind.COHORT_NOTES || kind == NewsKind.THEMES || kind == NewsKind.CALIBRATIONS;
    }
}
