package org.outward.notification.recipient;

import java.time.Instant;
import org.bson.Document;
import org.outward.contracts.roster.RosterLibrary;

/**
 * A library on a cohort's roster, as last announced by the catalog; {@code active} is false once it
 * left its cohort (LibraryLeftCohort), and its members then receive nothing.
 */
public record Library(
        String libraryId,
        String cohortId,
        String cohortName,
        String name,
        String city,
        String state,
        String timeZone,
        Instant asOf,
        boolean active) {

    public Library(String libraryId, String cohortId, String cohortName, String name, String city, String state,
            String timeZone, Instant asOf) {
        this(libraryId, cohortId, cohortName, name, city, state, timeZone, asOf, true);
    }

    /** The same library with its cohort's current name, when known (null keeps the one it has). */
    public Library inCohortNamed(String currentCohortName) {
        return currentCohortName == null || currentCohortName.equals(cohortName) ? this
                : new Library(libraryId, cohortId, currentCohortName, name, city, state, timeZone, asOf, active);
    }

    public RosterLibrary toRosterLibrary() {
        return new RosterLibrary(libraryId, cohortId, active);
    }

    static Library fromDocument(Document doc) {
        return new Library(doc.getString("_id"), doc.getString("cohortId"), doc.getString("cohortName"),
                doc.getString("name"), doc.getString("city"), doc.getString("state"), doc.getString("timeZone"),
                RosterReadModel.instant(doc, "asOf"), doc.getBoolean("active", true));
    }
}
