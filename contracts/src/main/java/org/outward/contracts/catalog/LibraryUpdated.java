package org.outward.contracts.catalog;

/**
 * Staff changed a library's details. Carries the library's whole state like {@link LibraryJoinedCohort} (the library
 * is in its cohort: one that left cannot be changed), so a reader that sees only this event (the compacted topic
 * keeps the latest per library) knows everything. Subject: libraryId.
 *
 * @param timeZone IANA zone id; its members' reminders and digests follow it
 */
public record LibraryUpdated(
        String libraryId,
        String cohortId,
        String cohortName,
        String name,
        String city,
        String state,
        String timeZone,
        String contactEmail) {
}
