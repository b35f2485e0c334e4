package org.outward.contracts.roster;

/**
 * A library as the latest roster event about it says: {@code LibraryJoinedCohort} ({@code inCohort}) or
 * {@code LibraryLeftCohort}.
 */
public record RosterLibrary(String libraryId, String cohortId, boolean inCohort) {
}
