package org.outward.notification;

import java.util.List;
import org.outward.contracts.Events;
import org.outward.contracts.catalog.LibraryJoinedCohort;
import org.outward.contracts.catalog.MemberAdded;
import org.outward.notification.support.TestEvents;

/**
 * A small cohort: three libraries, four library-team members and one program-staff person. One
 * member is announced before her library, as can happen across keys.
 */
final class RosterFixture {

    static final String COHORT = "cohort-spring";
    static final String COHORT_NAME = "Spring 2027";
    static final LibraryJoinedCohort FAIRVIEW = library("lib-fairview", "Fairview Public Library", "Fairview", "OR");
    static final LibraryJoinedCohort RIVERSIDE = library("lib-riverside", "Riverside Library", "Riverside", "CA");
    static final LibraryJoinedCohort OAK_HILL = library("lib-oak", "Oak Hill Library", "Oak Hill", "OH");
    static final MemberAdded ANA = member("m-ana", "ana@fairview.test", "Ana Alvarez", FAIRVIEW, "Director");
    static final MemberAdded BEN = member("m-ben", "ben@fairview.test", "Ben Brook", FAIRVIEW, "Outreach");
    static final MemberAdded CAI = member("m-cai", "cai@riverside.test", "Cai Chen", RIVERSIDE, "Librarian");
    static final MemberAdded DEE = member("m-dee", "dee@oakhill.test", "Dee Dunn", OAK_HILL, "Branch manager");
    static final MemberAdded PAT = new MemberAdded("s-pat", "pat@outward.test", "Pat Program",
            MemberAdded.ROLE_PROGRAM_STAFF, null, null, null);

    static final List<MemberAdded> LIBRARY_MEMBERS = List.of(ANA, BEN, CAI, DEE);

    private RosterFixture() {
    }

    static void publish(TestEvents events) {
        events.publish(Events.MEMBER_ADDED, DEE.memberId(), DEE); // before her library
        events.publish(Events.LIBRARY_JOINED_COHORT, FAIRVIEW.libraryId(), FAIRVIEW);
        events.publish(Events.LIBRARY_JOINED_COHORT, RIVERSIDE.libraryId(), RIVERSIDE);
        for (MemberAdded member : List.of(ANA, BEN, CAI, PAT)) {
            events.publish(Events.MEMBER_ADDED, member.memberId(), member);
        }
        events.publish(Events.LIBRARY_JOINED_COHORT, OAK_HILL.libraryId(), OAK_HILL);
    }

    static LibraryJoinedCohort libraryOf(MemberAdded member) {
        return List.of(FAIRVIEW, RIVERSIDE, OAK_HILL).stream()
                .filter(l -> l.libraryId().equals(member.libraryId())).findFirst().orElseThrow();
    }

    private static LibraryJoinedCohort library(String id, String name, String city, String state) {
        return new LibraryJoinedCohort(id, COHORT, COHORT_NAME, name, city, state, "America/Los_Angeles",
                "contact@" + id + ".test");
    }

    private static MemberAdded member(String id, String email, String name, LibraryJoinedCohort library,
            String teamRole) {
        return new MemberAdded(id, email, name, MemberAdded.ROLE_LIBRARY_MEMBER, library.libraryId(), COHORT,
                teamRole);
    }
}
