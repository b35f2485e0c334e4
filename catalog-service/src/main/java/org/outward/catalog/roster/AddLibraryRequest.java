package org.outward.catalog.roster;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.outward.catalog.support.TimeZoneId;

/**
 * A library joining a cohort.
 *
 * @param state    two-letter state code, stored upper-case
 * @param timeZone the library's time zone (reminders are sent in its local time)
 */
public record AddLibraryRequest(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 100) String city,
        @NotBlank @Pattern(regexp = "^[A-Za-z]{2}$", message = "must be a two-letter state code") String state,
        @NotBlank @Size(max = 254) @Email String contactEmail,
        @NotBlank @Size(max = 64) @TimeZoneId String timeZone) {
}
