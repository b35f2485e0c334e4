package org.outward.catalog.roster;

import java.time.Instant;
import java.time.LocalDate;

public record CohortView(
        String id,
        String name,
        String slug,
        LocalDate startsOn,
        LocalDate endsOn,
        long version,
        Instant createdAt,
        Instant updatedAt) {
}
