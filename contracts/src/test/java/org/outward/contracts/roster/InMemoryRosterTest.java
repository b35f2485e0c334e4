package org.outward.contracts.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.outward.contracts.DecodedEvent;
import org.outward.contracts.EventEnvelope;
import org.outward.contracts.EventType;
import org.outward.contracts.Events;
import org.outward.contracts.catalog.LibraryJoinedCohort;
import org.outward.contracts.catalog.LibraryLeftCohort;
import org.outward.contracts.catalog.LibraryUpdated;
import org.outward.contracts.catalog.MemberAdded;
import org.outward.contracts.catalog.MemberRemoved;
import org.outward.contracts.catalog.MemberUpdated;
import org.outward.contracts.roster.RosterStanding.Status;

/** The roster fold and the standing rule every consumer of the roster applies. */
class InMemoryRosterTest {

    private static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");

    private final InMemoryRoster roster = new InMemoryRoster();

    @Test
    void aMemberIsActiveOnlyWhileTheirLibraryIsInItsCohort() {
        roster.apply(event(Events.MEMBER_ADDED, "m-1", member("m-1", "Ana@Lib.test", "lib-1"), T0));
        assertThat(roster.standing("ana@lib.test").status()).as("library not heard of yet")
                .isEqualTo(Status.LIBRARY_UNKNOWN);

        roster.apply(event(Events.LIBRARY_JOINED_COHORT, "lib-1", joined("lib-1"), T0.plusSeconds(1)));
        RosterStanding active = roster.standing(" ANA@lib.TEST ");
        assertThat(active.status()).isEqualTo(Status.ACTIVE);
        assertThat(active.person().libraryId()).isEqualTo("lib-1");
        assertThat(active.library().cohortId()).isEqualTo("cohort-1");

        roster.apply(event(Events.LIBRARY_LEFT_COHORT, "lib-1", new LibraryLeftCohort("lib-1", "cohort-1", "Lib",
                T0.plusSeconds(2)), T0.plusSeconds(2)));
        assertThat(roster.standing("ana@lib.test").status()).isEqualTo(Status.LIBRARY_LEFT);
    }

    @Test
    void aRemovalSticksAgainstOlderAndRedeliveredEventsButARemovedPersonMayBeAddedAgain() {
        roster.apply(event(Events.LIBRARY_JOINED_COHORT, "lib-1", joined("lib-1"), T0));
        MemberAdded added = member("m-1", "ana@lib.test", "lib-1");
        roster.apply(event(Events.MEMBER_ADDED, "m-1", added, T0));
        assertThat(roster.apply(event(Events.MEMBER_REMOVED, "m-1", removed("m-1", "ana@lib.test", "lib-1"),
                T0.plusSeconds(5)))).isTrue();

        assertThat(roster.apply(event(Events.MEMBER_ADDED, "m-1", added, T0))).as("redelivered, older").isFalse();
        assertThat(roster.standing("ana@lib.test").status()).isEqualTo(Status.REMOVED);

        roster.apply(event(Events.MEMBER_ADDED, "m-2", member("m-2", "ana@lib.test", "lib-1"), T0.plusSeconds(9)));
        RosterStanding again = roster.standing("ana@lib.test");
        assertThat(again.status()).isEqualTo(Status.ACTIVE);
        assertThat(again.person().memberId()).isEqualTo("m-2");
    }

    @Test
    void aRemovalSeenWithoutItsAdditionStillRemoves() {
        roster.apply(event(Events.MEMBER_REMOVED, "m-1", removed("m-1", "ana@lib.test", "lib-1"), T0));

        assertThat(roster.standing("ana@lib.test").status()).isEqualTo(Status.REMOVED);
        assertThat(roster.standing("bo@lib.test").status()).isEqualTo(Status.UNKNOWN);
        assertThat(roster.standing(null).status()).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void aLibraryThatLeftStaysGoneAgainstALateOlderJoinAndComesBackWithANewerOne() {
        roster.apply(event(Events.MEMBER_ADDED, "m-1", member("m-1", "ana@lib.test", "lib-1"), T0));
        roster.apply(event(Events.LIBRARY_LEFT_COHORT, "lib-1", new LibraryLeftCohort("lib-1", "cohort-1", "Lib",
                T0.plusSeconds(5)), T0.plusSeconds(5)));
        roster.apply(event(Events.LIBRARY_JOINED_COHORT, "lib-1", joined("lib-1"), T0));
        assertThat(roster.standing("ana@lib.test").status()).isEqualTo(Status.LIBRARY_LEFT);

        roster.apply(event(Events.LIBRARY_JOINED_COHORT, "lib-1", joined("lib-1"), T0.plusSeconds(9)));
        assertThat(roster.standing("ana@lib.test").status()).isEqualTo(Status.ACTIVE);
    }

    @Test
    void staffNeedNoLibraryAndARemovedStaffPersonIsRemoved() {
        MemberAdded staff = new MemberAdded("s-1", "pat@outward.test", "Pat", MemberAdded.ROLE_PROGRAM_STAFF, null,
                null, null);
        roster.apply(event(Events.MEMBER_ADDED, "s-1", staff, T0));
        assertThat(roster.standing("pat@outward.test").status()).isEqualTo(Status.ACTIVE);
        assertThat(roster.standing("pat@outward.test").person().isStaff()).isTrue();

        roster.apply(event(Events.MEMBER_REMOVED, "s-1", removed("s-1", "pat@outward.test", null), T0.plusSeconds(1)));
        assertThat(roster.standing("pat@outward.test").status()).isEqualTo(Status.REMOVED);
    }

    @Test
    void anUpdatedMemberIsFoundByTheNewAddressOnlyAndAMoveIsTheirNewLibrary() {
        roster.apply(event(Events.LIBRARY_JOINED_COHORT, "lib-1", joined("lib-1"), T0));
        roster.apply(event(Events.LIBRARY_JOINED_COHORT, "lib-2", joined("lib-2"), T0));
        roster.apply(event(Events.MEMBER_ADDED, "m-1", member("m-1", "ana@lib.test", "lib-1"), T0));

        assertThat(roster.apply(event(Events.MEMBER_UPDATED, "m-1", new MemberUpdated("m-1", "Ana.New@lib.test",
                "Ana N.", MemberAdded.ROLE_LIBRARY_MEMBER, "lib-2", "cohort-1", "Director", "lib-1"),
                T0.plusSeconds(3)))).isTrue();
        RosterStanding moved = roster.standing("ana.new@lib.test");
        assertThat(moved.status()).isEqualTo(Status.ACTIVE);
        assertThat(moved.person().memberId()).isEqualTo("m-1");
        assertThat(moved.person().libraryId()).isEqualTo("lib-2");
        assertThat(moved.library().libraryId()).isEqualTo("lib-2");
        assertThat(roster.standing("ana@lib.test").status()).as("the old address").isEqualTo(Status.UNKNOWN);

        assertThat(roster.apply(event(Events.MEMBER_ADDED, "m-1", member("m-1", "ana@lib.test", "lib-1"), T0)))
                .as("the addition redelivered late").isFalse();
        assertThat(roster.standing("ana@lib.test").status()).isEqualTo(Status.UNKNOWN);
        assertThat(roster.standing("ana.new@lib.test").person().libraryId()).isEqualTo("lib-2");
    }

    @Test
    void aLibraryKnownOnlyFromItsUpdateIsInItsCohortUntilItLeaves() {
        roster.apply(event(Events.MEMBER_ADDED, "m-1", member("m-1", "ana@lib.test", "lib-1"), T0));
        roster.apply(event(Events.LIBRARY_UPDATED, "lib-1", new LibraryUpdated("lib-1", "cohort-1", "Cohort", "Lib 2",
                "Town", "OH", "America/Chicago", "contact@lib.test"), T0.plusSeconds(1)));
        assertThat(roster.standing("ana@lib.test").status()).isEqualTo(Status.ACTIVE);

        roster.apply(event(Events.LIBRARY_LEFT_COHORT, "lib-1", new LibraryLeftCohort("lib-1", "cohort-1", "Lib",
                T0.plusSeconds(5)), T0.plusSeconds(5)));
        assertThat(roster.apply(event(Events.LIBRARY_UPDATED, "lib-1", new LibraryUpdated("lib-1", "cohort-1",
                "Cohort", "Lib 2", "Town", "OH", "America/Chicago", "contact@lib.test"), T0.plusSeconds(1))))
                .as("an older update redelivered").isFalse();
        assertThat(roster.standing("ana@lib.test").status()).isEqualTo(Status.LIBRARY_LEFT);
    }

    static MemberAdded member(String id, String email, String libraryId) {
        return new MemberAdded(id, email, "Name of " + id, MemberAdded.ROLE_LIBRARY_MEMBER, libraryId, "cohort-1",
                null);
    }

    static MemberRemoved removed(String id, String email, String libraryId) {
        return new MemberRemoved(id, email, libraryId, libraryId == null ? null : "cohort-1", T0);
    }

    static LibraryJoinedCohort joined(String libraryId) {
        return new LibraryJoinedCohort(libraryId, "cohort-1", "Cohort", "Lib", "Town", "OH", "America/New_York",
                "contact@lib.test");
    }

    static <T extends Record> DecodedEvent<T> event(EventType<T> type, String subject, T payload, Instant at) {
        return new DecodedEvent<>(new EventEnvelope(UUID.randomUUID(), type.name(), type.version(), at,
                "catalog-service", subject, null, null), type, payload);
    }
}
