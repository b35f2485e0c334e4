package org.outward.contracts.catalog;

import java.time.Instant;

/** A library left its cohort; its members stop receiving the cohort's emails. Subject: libraryId. */
public record LibraryLeftCohort(String libraryId, String cohortId, String name, Instant leftAt) {
}
