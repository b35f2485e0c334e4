package org.outward.notes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import java.util.Map;
import org.outward.contracts.Events;
import org.outward.contracts.catalog.MemberAdded;
import org.outward.contracts.catalog.MemberUpdated;
import org.outward.platform.roster.RosterMirror;
import org.outward.platform.test.RosterEvents;
import org.outward.platform.test.TestRoster;
import org.outward.platform.test.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Access follows the roster while tokens stay valid: roster events on the real (embedded) Kafka topic reach the
 * service's roster mirror, and from then on the same unexpired token is refused with 403.
 */
class RosterRevocationTest extends NotesIntegrationTest {

    private static final Duration PROPAGATION = Duration.ofSeconds(30);

    @Autowired
    KafkaTemplate<String, String> kafkaTemplate;
    @Autowired
    RosterMirror mirror;

    @Test
    void aRemovedMembersUnexpiredTokenIsRefusedOnceTheRemovalArrives() throws Exception {
        String libraryId = newLibraryId();
        String token = memberOf(libraryId);
        assertThat(post(validNote(libraryId)).statusCode()).isEqualTo(201);
        assertThat(get("/api/notes?libraryId=" + libraryId, token).statusCode()).isEqualTo(200);

        new RosterEvents(kafkaTemplate).memberRemoved(TestRoster.memberId(libraryId),
                TestTokens.memberEmail(libraryId), libraryId, COHORT);

        await().atMost(PROPAGATION).until(() -> get("/api/notes?libraryId=" + libraryId, token).statusCode() == 403);
        HttpResponse<String> refused = get("/api/notes/themes?libraryId=" + libraryId, token);
        assertProblem(refused, 403);
        assertThat(json(refused).path("detail").asString()).contains("no longer on the program's roster");
        assertProblem(postJson(JSON.writeValueAsString(validNote(libraryId))), 403);
    }

    @Test
    void aLibraryThatLeavesItsCohortTakesAllItsMembersAccessWithIt() throws Exception {
        String leaving = newLibraryId();
        String staying = newLibraryId();
        String first = memberOf(leaving);
        mirror.memberAdded(new MemberAdded("second-of-" + leaving, "second@" + leaving + ".test", "Second",
                MemberAdded.ROLE_LIBRARY_MEMBER, leaving, COHORT, null), java.time.Instant.EPOCH);
        String second = "Bearer " + TestTokens.builder().email("second@" + leaving + ".test").roles("library-member")
                .library(leaving).cohort(COHORT).sign();
        String neighbour = memberOf(staying);
        assertThat(get("/api/notes?libraryId=" + leaving, second).statusCode()).isEqualTo(200);

        new RosterEvents(kafkaTemplate).libraryLeft(leaving, COHORT);

        await().atMost(PROPAGATION).until(() -> get("/api/notes?libraryId=" + leaving, first).statusCode() == 403);
        HttpResponse<String> refused = get("/api/notes?libraryId=" + leaving, second);
        assertProblem(refused, 403);
        assertThat(json(refused).path("detail").asString()).contains("library is no longer in a cohort");
        assertThat(get("/api/notes?libraryId=" + staying, neighbour).statusCode()).isEqualTo(200);
    }

    @Test
    void aMemberMovedToAnotherLibraryNoLongerReadsTheOldLibrarysPrivateNotes() throws Exception {
        String from = newLibraryId();
        String to = newLibraryId();
        String token = memberOf(from);
        new TestRoster(mirror).library(to, COHORT);
        Map<String, Object> note = validNote(from);
        note.put("visibility", "private");
        HttpResponse<String> created = send("POST", "/api/notes", token, "application/json",
                JSON.writeValueAsBytes(note), null);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json(created).path("id").asString();
        assertThat(get("/api/notes/" + id, token).statusCode()).isEqualTo(200);

        new RosterEvents(kafkaTemplate).publish(Events.MEMBER_UPDATED, TestRoster.memberId(from), new MemberUpdated(
                TestRoster.memberId(from), TestTokens.memberEmail(from), "Moved", MemberAdded.ROLE_LIBRARY_MEMBER, to,
                COHORT, null, from));

        // The same token, still valid: the old library's private note is another library's now (404, like any).
        await().atMost(PROPAGATION).until(() -> get("/api/notes/" + id, token).statusCode() == 404);
        HttpResponse<String> oldList = get("/api/notes?libraryId=" + from, token);
        assertThat(oldList.statusCode()).isEqualTo(200);
        assertThat(oldList.body()).as("the old library's private notes are not listed for them").doesNotContain(id);
        assertThat(get("/api/notes?libraryId=" + to, token).statusCode()).isEqualTo(200);
        Map<String, Object> inNewLibrary = validNote(to);
        HttpResponse<String> written = send("POST", "/api/notes", token, "application/json",
                JSON.writeValueAsBytes(inNewLibrary), null);
        assertThat(written.statusCode()).as(written.body()).isEqualTo(201);
        assertThat(get("/api/notes/" + id).statusCode()).as("the note stays its library's").isEqualTo(200);
    }

    @Test
    void staffTakenOffTheRosterAreRefused() throws Exception {
        String email = "staff-" + newLibraryId() + "@outward.test";
        String token = "Bearer " + TestTokens.builder().email(email).roles("program-staff").sign();
        RosterEvents events = new RosterEvents(kafkaTemplate);
        events.memberAdded(new MemberAdded("staff-of-" + email, email, "Sam Staff", MemberAdded.ROLE_PROGRAM_STAFF,
                null, null, null));
        await().atMost(PROPAGATION).until(() -> mirror.standing(email).isActive());
        assertThat(get("/api/notes", token).statusCode()).isEqualTo(200);

        events.memberRemoved("staff-of-" + email, email, null, null);

        await().atMost(PROPAGATION).until(() -> get("/api/notes", token).statusCode() == 403);
    }

    @Test
    void aMemberTheRosterDoesNotKnowIsRefused() throws Exception {
        String stranger = "Bearer " + TestTokens.member(newLibraryId(), COHORT);

        HttpResponse<String> refused = get("/api/notes", stranger);

        assertProblem(refused, 403);
        assertThat(json(refused).path("detail").asString()).contains("not on the program's roster");
    }
}
