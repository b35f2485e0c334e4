package org.outward.catalog.roster;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** A cohort's new name and dates (PUT: all of them). Its slug stays: links and bookmarks use it. */
@CohortDates.EndsAfterStart
public record UpdateCohortRequest(
        @NotBlank @Size(max = 200) String name,
        @NotNull LocalDate startsOn,
        @NotNull LocalDate endsOn) implements CohortDates {
}
