package org.outward.catalog.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.outward.contracts.DecodedEvent;
import org.outward.contracts.Events;
import org.outward.platform.test.TestTokens;
import tools.jackson.databind.node.ObjectNode;

/**
 * Access follows the roster at once here: catalog-service checks every caller against its own roster collections,
 * so the request right after a removal is refused, while the token itself is still valid for hours.
 */
class RosterRevocationTest extends RosterTest {

    @Test
    void aRemovedMembersValidTokenIsRefusedOnTheNextRequestAndTheRemovalIsPublished() {
        String cohortId = newCohort().path("id").asString();
        String libraryId = newLibrary(cohortId).path("id").asString();
        String email = uniqueEmail();
        String memberId = post("/api/catalog/libraries/" + libraryId + "/members", memberBody(email)).json()
                .path("id").asString();
        String token = bearer(TestTokens.builder().email(email).roles("library-member").library(libraryId)
                .cohort(cohortId).sign());
        assertThat(get("/api/catalog/libraries/" + libraryId, "Authorization", token).status()).isEqualTo(200);

        assertThat(delete("/api/catalog/members/" + memberId).status()).isEqualTo(204);

        Response refused = get("/api/catalog/libraries/" + libraryId, "Authorization", token);
        assertProblem(refused, 403);
        assertThat(refused.json().path("detail").asString()).contains("no longer on the program's roster");
        assertProblem(get("/api/catalog/webinars", "Authorization", token), 403);
        List<DecodedEvent<?>> events = awaitEvents(memberId, 2);
        assertThat(events.get(1).type()).isEqualTo(Events.MEMBER_REMOVED);

        // Added again (a new member id, the same address): the same token works again.
        assertThat(post("/api/catalog/libraries/" + libraryId + "/members", memberBody(email)).status())
                .isEqualTo(201);
        assertThat(get("/api/catalog/libraries/" + libraryId, "Authorization", token).status()).isEqualTo(200);
    }

    @Test
    void aLibraryLeavingItsCohortTakesEveryMembersAccessWithIt() {
        String cohortId = newCohort().path("id").asString();
        String leaving = newLibrary(cohortId).path("id").asString();
        String staying = newLibrary(cohortId).path("id").asString();
        String first = memberOf(leaving, cohortId);
        String secondEmail = uniqueEmail();
        post("/api/catalog/libraries/" + leaving + "/members", memberBody(secondEmail));
        String second = bearer(TestTokens.builder().email(secondEmail).roles("library-member").library(leaving)
                .cohort(cohortId).sign());
        String neighbour = memberOf(staying, cohortId);
        assertThat(get("/api/catalog/webinars", "Authorization", first).status()).isEqualTo(200);
        assertThat(get("/api/catalog/webinars", "Authorization", second).status()).isEqualTo(200);

        assertThat(delete("/api/catalog/libraries/" + leaving).status()).isEqualTo(204);

        for (String token : List.of(first, second)) {
            Response refused = get("/api/catalog/webinars", "Authorization", token);
            assertProblem(refused, 403);
            assertThat(refused.json().path("detail").asString()).contains("library is no longer in a cohort");
        }
        assertThat(get("/api/catalog/webinars", "Authorization", neighbour).status()).isEqualTo(200);
        assertThat(awaitEvents(leaving, 2).get(1).type()).isEqualTo(Events.LIBRARY_LEFT_COHORT);
    }

    @Test
    void staffTakenOffTheRosterAreRefused() {
        String email = uniqueEmail();
        ObjectNode body = object();
        body.put("name", "Sam Staff");
        body.put("email", email);
        String staffId = post("/api/catalog/staff", body).json().path("id").asString();
        String token = bearer(TestTokens.builder().email(email).roles("program-staff").sign());
        assertThat(get("/api/catalog/staff", "Authorization", token).status()).isEqualTo(200);

        assertThat(delete("/api/catalog/members/" + staffId).status()).isEqualTo(204);

        assertProblem(get("/api/catalog/staff", "Authorization", token), 403);
        assertProblem(get("/api/catalog/webinars", "Authorization", token), 403);
    }

    @Test
    void aLibraryMemberTheRosterDoesNotKnowIsRefused() {
        String cohortId = newCohort().path("id").asString();
        String libraryId = newLibrary(cohortId).path("id").asString();
        String stranger = bearer(TestTokens.member(libraryId, cohortId)); // claims the library, not on its team

        Response refused = get("/api/catalog/libraries/" + libraryId, "Authorization", stranger);
        assertProblem(refused, 403);
        assertThat(refused.json().path("detail").asString()).contains("not on the program's roster");
    }
}
