package org.outward.contracts.roster;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Where a person stands on the roster, the one rule every consumer of the roster applies: a person is on it
 * while the latest event about them is {@code MemberAdded}; a library member, in addition, only while the latest
 * event about their library is {@code LibraryJoinedCohort}. The roster, not a token, says which library and
 * cohort a member belongs to.
 *
 * @param person  the person this is about; null when {@link Status#UNKNOWN}
 * @param library the person's library; null for staff, and when it is unknown
 */
public record RosterStanding(Status status, RosterPerson person, RosterLibrary library) {

    public enum Status {
        /** On the roster: staff, or a member whose library is in its cohort. */
        ACTIVE,
        /** Was on the roster and was removed (and not added again). */
        REMOVED,
        /** A member whose library left its cohort. */
        LIBRARY_LEFT,
        /** A member whose library has not been heard of (yet): roster events of different keys arrive in any order. */
        LIBRARY_UNKNOWN,
        /** Never heard of. */
        UNKNOWN
    }

    public boolean isActive() {
        return status == Status.ACTIVE;
    }

    public static RosterStanding of(RosterView view, String email) {
        if (email == null || email.isBlank()) {
            return new RosterStanding(Status.UNKNOWN, null, null);
        }
        List<RosterPerson> people = view.people(email);
        Optional<RosterPerson> present = people.stream().filter(p -> !p.removed())
                .min(Comparator.comparing(RosterPerson::memberId));
        if (present.isEmpty()) {
            return people.isEmpty() ? new RosterStanding(Status.UNKNOWN, null, null)
                    : new RosterStanding(Status.REMOVED, people.get(0), null);
        }
        RosterPerson person = present.get();
        return of(person, person.isStaff() || person.libraryId() == null ? Optional.empty()
                : view.library(person.libraryId()));
    }

    /** The same rule for one person whose library (if any) the caller looked up already. */
    public static RosterStanding of(RosterPerson person, Optional<RosterLibrary> library) {
        if (person.removed()) {
            return new RosterStanding(Status.REMOVED, person, null);
        }
        if (person.isStaff()) {
            return new RosterStanding(Status.ACTIVE, person, null);
        }
        if (library.isEmpty() || !library.get().libraryId().equals(person.libraryId())) {
            return new RosterStanding(Status.LIBRARY_UNKNOWN, person, null);
        }
        return new RosterStanding(library.get().inCohort() ? Status.ACTIVE : Status.LIBRARY_LEFT, person,
                library.get());
    }
}
