package org.outward.platform.test;

import java.time.Instant;
import org.outward.contracts.catalog.LibraryJoinedCohort;
import org.outward.contracts.catalog.MemberAdded;
import org.outward.platform.roster.RosterMirror;

/**
 * Puts the people of {@link TestTokens} on a service's {@link RosterMirror} the way the roster topic would: every
 * service refuses library members its roster does not know, so a test enrolls a member before using their token.
 * Entries are dated at the epoch: any real roster event of a test (a removal, say) is newer and wins.
 */
public final class TestRoster {

    private static final Instant LONG_AGO = Instant.EPOCH;

    private final RosterMirror mirror;

    public TestRoster(RosterMirror mirror) {
        this.mirror = mirror;
    }

    /** The library in the cohort, and {@link TestTokens#member}'s person in it; returns that person's token. */
    public String member(String libraryId, String cohortId) {
        library(libraryId, cohortId);
        mirror.memberAdded(new MemberAdded(memberId(libraryId), TestTokens.memberEmail(libraryId),
                "Member of " + libraryId, MemberAdded.ROLE_LIBRARY_MEMBER, libraryId, cohortId, null), LONG_AGO);
        return TestTokens.member(libraryId, cohortId);
    }

    public void library(String libraryId, String cohortId) {
        mirror.libraryJoined(new LibraryJoinedCohort(libraryId, cohortId, "Cohort " + cohortId, "Library " + libraryId,
                "Springfield", "OH", "America/New_York", "contact@" + libraryId + ".test"), LONG_AGO);
    }

    /** The member id {@link #member} gives the library's member. */
    public static String memberId(String libraryId) {
        return "member-of-" + libraryId;
    }
}
