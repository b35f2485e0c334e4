package org.outward.notification;

import java.util.List;
import java.util.UUID;
import org.outward.contracts.Events;
import org.outward.contracts.catalog.LibraryJoinedCohort;
import org.outward.contracts.catalog.MemberAdded;
import org.outward.notification.support.TestEvents;

/** A fresh cohort per test (unique ids), so tests sharing one service never see each other's news. */
final class CohortFixture {

    final String cohort;
    final String suffix;

    CohortFixture() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        cohort = "cohort-" + suffix;
    }

    LibraryJoinedCohort library(String name, String timeZone) {
        String id = "lib-" + name.toLowerCase().replace(' ', '-') + "-" + suffix;
        return new LibraryJoinedCohort(id, cohort, "Cohort " + suffix, name + " Library", name, "OR", timeZone,
                "contact@" + id + ".test");
    }

    MemberAdded member(String name, LibraryJoinedCohort library) {
        String id = "m-" + name.toLowerCase() + "-" + suffix;
        return new MemberAdded(id, name.toLowerCase() + "-" + suffix + "@" + library.libraryId() + ".test",
                name + " Member", MemberAdded.ROLE_LIBRARY_MEMBER, library.libraryId(), cohort, "Librarian");
    }

    static void publish(TestEvents events, List<LibraryJoinedCohort> libraries, List<MemberAdded> members) {
        libraries.forEach(l -> events.publish(Events.LIBRARY_JOINED_COHORT, l.libraryId(), l));
        members.forEach(m -> events.publish(Events.MEMBER_ADDED, m.memberId(), m));
    }
}
