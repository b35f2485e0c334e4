package org.outward.catalog.roster;

import java.time.Instant;

/**
 * A person on the roster.
 *
 * @param role      library-member or program-staff
 * @param libraryId null for program staff
 * @param cohortId  null for program staff
 * @param teamRole  null for program staff, and when not given
 */
public record MemberView(
        String id,
        String name,
        String email,
        String role,
        String libraryId,
        String cohortId,
        String teamRole,
        long version,
        Instant createdAt,
        Instant updatedAt) {
}
