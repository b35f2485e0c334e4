package org.outward.catalog.roster;

import java.time.Instant;

public record LibraryView(
        String id,
        String cohortId,
        String name,
        String city,
        String state,
        String contactEmail,
        String timeZone,
        long version,
        Instant createdAt,
        Instant updatedAt) {
}
