package org.outward.contracts.catalog;

import java.time.LocalDate;
import java.util.List;

/**
 * A cohort was created. Carries its whole state, with the program's milestones over its dates. Subject: cohortId.
 *
 * @param milestones the cohort's dates in order (start, calibrations expected, reports due, end)
 */
public record CohortCreated(
        String cohortId,
        String name,
        String slug,
        LocalDate startsOn,
        LocalDate endsOn,
        List<MilestoneData> milestones,
        long version) {
}
