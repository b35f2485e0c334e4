package org.outward.catalog.roster;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A person on a library's team. {@code teamRole} is free text (for example "Branch manager") and optional. */
public record AddMemberRequest(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 254) @Email String email,
        @Size(max = 100) String teamRole) {
}
