package org.outward.catalog.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.outward.contracts.DecodedEvent;
import org.outward.contracts.Events;
import org.outward.contracts.catalog.LibraryLeftCohort;
import org.outward.contracts.catalog.MemberRemoved;
import tools.jackson.databind.JsonNode;

/** Removing a library from its cohort and a person from the roster, with their events. */
class RosterRemovalTest extends RosterTest {

    @Test
    void aLibraryLeavesItsCohort() {
        clock.set(Instant.parse("2026-09-01T12:00:00Z"));
        String cohortId = newCohort().path("id").asString();
        JsonNode library = newLibrary(cohortId);
        String id = library.path("id").asString();
        String name = library.path("name").asString();
        Instant leftAt = clock.advance(Duration.ofDays(30));

        Response removed = delete("/api/catalog/libraries/" + id);

        assertThat(removed.status()).as(removed.raw().body()).isEqualTo(204);
        assertProblem(get("/api/catalog/libraries/" + id), 404);
        assertThat(get("/api/catalog/cohorts/" + cohortId + "/libraries").json().valueStream()
                .map(l -> l.path("id").asString())).doesNotContain(id);
        assertProblem(delete("/api/catalog/libraries/" + id), 404);
        assertProblem(post("/api/catalog/libraries/" + id + "/members", memberBody(uniqueEmail())), 404);
        assertThat(post("/api/catalog/cohorts/" + cohortId + "/libraries", libraryBody(name)).status())
                .as("the name is free again").isEqualTo(201);

        List<DecodedEvent<?>> events = awaitEvents(id, 2);
        assertThat(events).extracting(e -> (Object) e.type())
                .containsExactly(Events.LIBRARY_JOINED_COHORT, Events.LIBRARY_LEFT_COHORT);
        assertThat(events.get(1).envelope().subject()).isEqualTo(id);
        assertThat(recordsSeen(id).get(1).topic()).isEqualTo("outward.catalog.roster");
        assertThat(events.get(1).payloadAs(Events.LIBRARY_LEFT_COHORT))
                .isEqualTo(new LibraryLeftCohort(id, cohortId, name, leftAt));
    }

    @Test
    void aPersonIsTakenOffTheRoster() {
        clock.set(Instant.parse("2026-09-02T12:00:00Z"));
        String cohortId = newCohort().path("id").asString();
        String libraryId = newLibrary(cohortId).path("id").asString();
        String email = uniqueEmail();
        String id = post("/api/catalog/libraries/" + libraryId + "/members", memberBody(email)).json()
                .path("id").asString();
        Instant removedAt = clock.advance(Duration.ofHours(5));

        assertThat(delete("/api/catalog/members/" + id).status()).isEqualTo(204);

        assertProblem(get("/api/catalog/members/" + id), 404);
        assertProblem(delete("/api/catalog/members/" + id), 404);
        assertThat(get("/api/catalog/libraries/" + libraryId + "/members").json().size()).isZero();
        assertThat(get("/api/catalog/members?email=" + email).json().size()).isZero();
        assertThat(post("/api/catalog/libraries/" + libraryId + "/members", memberBody(email)).status())
                .as("the address is free again").isEqualTo(201);

        List<DecodedEvent<?>> events = awaitEvents(id, 2);
        assertThat(events).extracting(e -> (Object) e.type()).containsExactly(Events.MEMBER_ADDED, Events.MEMBER_REMOVED);
        assertThat(events.get(1).payloadAs(Events.MEMBER_REMOVED))
                .isEqualTo(new MemberRemoved(id, email, libraryId, cohortId, removedAt));
        assertProblem(delete("/api/catalog/members/no-such-member"), 404);
        assertProblem(delete("/api/catalog/libraries/no-such-library"), 404);
    }

    @Test
    void membersReadTheirOwnCohortLibraryAndTeamOnly() {
        String cohortId = newCohort().path("id").asString();
        String libraryId = newLibrary(cohortId).path("id").asString();
        String neighbourId = newLibrary(cohortId).path("id").asString();
        String otherCohortId = newCohort().path("id").asString();
        String memberId = post("/api/catalog/libraries/" + libraryId + "/members", memberBody(uniqueEmail())).json()
                .path("id").asString();
        String neighbourMemberId = post("/api/catalog/libraries/" + neighbourId + "/members",
                memberBody(uniqueEmail())).json().path("id").asString();
        String me = memberOf(libraryId, cohortId);

        assertThat(get("/api/catalog/cohorts", "Authorization", me).json().valueStream()
                .map(c -> c.path("id").asString()).toList()).containsExactly(cohortId);
        assertThat(get("/api/catalog/cohorts/" + cohortId, "Authorization", me).status()).isEqualTo(200);
        assertProblem(get("/api/catalog/cohorts/" + otherCohortId, "Authorization", me), 404);
        assertThat(get("/api/catalog/cohorts/" + cohortId + "/libraries", "Authorization", me).json().size())
                .isEqualTo(2);
        assertProblem(get("/api/catalog/cohorts/" + otherCohortId + "/libraries", "Authorization", me), 404);
        assertThat(get("/api/catalog/libraries/" + libraryId, "Authorization", me).status()).isEqualTo(200);
        assertProblem(get("/api/catalog/libraries/" + neighbourId, "Authorization", me), 404);
        assertThat(get("/api/catalog/libraries/" + libraryId + "/members", "Authorization", me).json().size())
                .as("the member and the caller").isEqualTo(2);
        assertProblem(get("/api/catalog/libraries/" + neighbourId + "/members", "Authorization", me), 404);
        assertThat(get("/api/catalog/members/" + memberId, "Authorization", me).status()).isEqualTo(200);
        assertProblem(get("/api/catalog/members/" + neighbourMemberId, "Authorization", me), 404);
    }
}
