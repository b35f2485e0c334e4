package org.outward.catalog.timeline;

import java.time.LocalDate;
import java.util.List;

/** A cohort's program over its dates, in order: start, live sessions, calibrations expected, reports due, end. */
public record Timeline(String cohortId, String cohortName, LocalDate startsOn, LocalDate endsOn,
        List<Milestone> milestones) {
}
