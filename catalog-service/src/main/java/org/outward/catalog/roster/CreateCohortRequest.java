package org.outward.catalog.roster;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.outward.catalog.support.Slugs;

/** A new cohort: a group of libraries going through the series together between two dates. */
@CohortDates.EndsAfterStart
public record CreateCohortRequest(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = Slugs.MAX_LENGTH) @Pattern(regexp = Slugs.PATTERN, message = Slugs.MESSAGE) String slug,
        @NotNull LocalDate startsOn,
        @NotNull LocalDate endsOn) implements CohortDates {
}
