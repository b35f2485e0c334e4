package org.outward.catalog.roster;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A person's details now (PUT: all of them). For a library member, {@code libraryId} is their library, another one
 * of the same cohort to move them there; program staff belong to no library and have no team role.
 */
public record UpdateMemberRequest(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 254) @Email String email,
        @Size(max = 100) String teamRole,
        @Size(max = 64) String libraryId) {
}
