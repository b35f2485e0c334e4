package org.outward.contracts.roster;

import java.util.Locale;
import org.outward.contracts.catalog.MemberAdded;

/**
 * A person as the latest roster event about them says: {@code MemberAdded}, or {@code MemberRemoved}
 * ({@code removed}). A person removed and added again is a new member id with the same email address.
 *
 * @param role      {@code library-member} or {@code program-staff}; null when only the removal was seen
 * @param libraryId the member's library, null for program staff
 */
public record RosterPerson(String memberId, String email, String name, String role, String libraryId,
        String cohortId, boolean removed) {

    public boolean isStaff() {
        return MemberAdded.ROLE_PROGRAM_STAFF.equals(role);
    }

    /** How email addresses are compared on the roster: trimmed, any case. */
    public static String emailKey(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }
}
