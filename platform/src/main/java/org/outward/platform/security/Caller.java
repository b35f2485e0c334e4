package org.outward.platform.security;

import java.util.Objects;
import java.util.Set;
import org.outward.platform.errors.ForbiddenException;
import org.outward.platform.errors.NotFoundException;

/**
 * Who is calling: subject and email from the validated access token; role ({@value #STAFF} or {@value #MEMBER})
 * and, for a library member, their library and cohort as the roster says ({@link RosterCheck}). Controllers take
 * it as a parameter and ask it before touching data; the rules live here so every service applies the same ones.
 *
 * <p>One refusal rule (docs/api.md, "Refusals"): data of a library or cohort the caller may not read does not
 * exist for them (404, the same answer as for an unknown id, whatever the method), so a refusal never tells
 * whether another library's data exists; 403 is for what the caller may read but not do (staff-only operations,
 * read-only access).
 */
public record Caller(String subject, String email, Set<String> roles, String libraryId, String cohortId) {

    public static final String STAFF = "program-staff";
    public static final String MEMBER = "library-member";

    public Caller {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    public boolean isStaff() {
        return roles.contains(STAFF);
    }

    /** Staff, or a member of this very library. */
    public boolean canAccessLibrary(String library) {
        return isStaff() || (roles.contains(MEMBER) && libraryId != null && libraryId.equals(library));
    }

    /** Staff, or a member of a library in this cohort. */
    public boolean canAccessCohort(String cohort) {
        return isStaff() || (roles.contains(MEMBER) && cohortId != null && cohortId.equals(cohort));
    }

    public void requireStaff() {
        if (!isStaff()) {
            throw new ForbiddenException("This operation is for program staff only.");
        }
    }

    /** Staff, or a member of this very library; anyone else is told the library does not exist (404). */
    public void requireLibrary(String library) {
        if (!canAccessLibrary(library)) {
            throw new NotFoundException("Library", library);
        }
    }

    /** Staff, or a member of a library in this cohort; anyone else is told the cohort does not exist (404). */
    public void requireCohort(String cohort) {
        if (!canAccessCohort(cohort)) {
            throw new NotFoundException("Cohort", cohort);
        }
    }

    /** The caller's own library; a member without one (a misissued token) may not act for any library. */
    public String ownLibrary() {
        if (libraryId == null) {
            throw new ForbiddenException("Your account is not a member of a library.");
        }
        return libraryId;
    }

    public boolean is(String otherSubject) {
        return Objects.equals(subject, otherSubject);
    }
}
