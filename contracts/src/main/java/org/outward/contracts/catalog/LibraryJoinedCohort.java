package org.outward.contracts.catalog;

/** A library joined a cohort (or its roster entry was created in one). Subject: libraryId. */
public record LibraryJoinedCohort(
        String libraryId,
        String cohortId,
        String cohortName,
        String name,
        String city,
        String state,
        String timeZone,
        String contactEmail) {
}
