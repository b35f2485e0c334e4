package org.outward.catalog.roster;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A member of the program staff: belongs to no library and no cohort. */
public record AddStaffRequest(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 254) @Email String email) {
}
