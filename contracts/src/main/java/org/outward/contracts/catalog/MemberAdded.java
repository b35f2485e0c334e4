package org.outward.contracts.catalog;

/**
 * A person joined the roster. Library members carry their library and cohort; program staff
 * carry neither. Subject: memberId.
 *
 * @param role     {@code library-member} or {@code program-staff}
 * @param teamRole the person's role on the library's team (free text), null for staff
 */
public record MemberAdded(
        String memberId,
        String email,
        String name,
        String role,
        String libraryId,
        String cohortId,
        String teamRole) {

    public static final String ROLE_LIBRARY_MEMBER = "library-member";
    public static final String ROLE_PROGRAM_STAFF = "program-staff";
}
