package org.outward.contracts.catalog;

import java.time.LocalDate;
import java.util.List;

/**
 * Staff changed a cohort's name or dates. Carries its whole state like {@link CohortCreated}, with the milestones
 * over the new dates, so the compacted topic's last event per cohort is all a reader needs. Subject: cohortId.
 *
 * @param version the cohort's version after the change; readers keep the highest
 */
public record CohortUpdated(
        String cohortId,
        String name,
        String slug,
        LocalDate startsOn,
        LocalDate endsOn,
        List<MilestoneData> milestones,
        long version) {
}
