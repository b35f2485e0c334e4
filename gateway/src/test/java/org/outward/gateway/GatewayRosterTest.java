package org.outward.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.outward.contracts.Events;
import org.outward.contracts.catalog.LibraryJoinedCohort;
import org.outward.contracts.catalog.MemberAdded;
import org.outward.gateway.session.CachedSessionRepository;
import org.outward.platform.test.RosterEvents;
import org.outward.platform.test.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;

/**
 * The gateway follows the roster topic (a real in-process broker): a valid, even cached, token of someone the
 * roster removed, or of a member whose library left its cohort, is refused with a 403 problem and never forwarded;
 * so is a signed-in browser session of theirs.
 */
class GatewayRosterTest extends EdgeTestBase {

    private static final Duration PROPAGATION = Duration.ofSeconds(30);

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    CachedSessionRepository sessions;

    @Autowired
    ReactiveClientRegistrationRepository registrations;

    @Test
    void aRemovedMembersCachedTokenIsRefusedAtTheEdgeAndAReAddedOnePassesAgain() {
        String library = "lib-" + UUID.randomUUID();
        String email = TestTokens.memberEmail(library);
        String token = TestTokens.member(library, "c-1");
        RosterEvents roster = new RosterEvents(kafka);
        roster.publish(Events.LIBRARY_JOINED_COHORT, library, joined(library));
        roster.memberAdded(member("m-" + library, email, library));
        assertThat(status(token)).isEqualTo(200);
        assertThat(status(token)).as("now from the token cache").isEqualTo(200);

        roster.memberRemoved("m-" + library, email, library, "c-1");

        await().atMost(PROPAGATION).until(() -> status(token) == 403);
        int before = received();
        client.get().uri("/api/notes/x").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(403)
                .jsonPath("$.detail").isEqualTo("You are no longer on the program's roster.")
                .jsonPath("$.requestId").isNotEmpty();
        assertThat(received()).as("never forwarded").isEqualTo(before);

        roster.memberAdded(member("m2-" + library, email, library));
        await().atMost(PROPAGATION).until(() -> status(token) == 200);
    }

    @Test
    void aLibraryLeavingTakesItsMembersWithItWhetherTheGatewayKnowsThemOrOnlyTheirTokenNamesIt() {
        String library = "lib-" + UUID.randomUUID();
        String other = "lib-" + UUID.randomUUID();
        RosterEvents roster = new RosterEvents(kafka);
        roster.publish(Events.LIBRARY_JOINED_COHORT, library, joined(library));
        roster.memberAdded(member("known-" + library, "known@" + library + ".test", library));
        String known = TestTokens.builder().email("known@" + library + ".test").roles("library-member")
                .library(library).cohort("c-1").sign();
        String onlyClaimed = TestTokens.member(library, "c-1"); // never announced: only the token's claim says so
        String neighbour = TestTokens.member(other, "c-1");
        assertThat(status(known)).isEqualTo(200);
        assertThat(status(onlyClaimed)).isEqualTo(200);

        roster.libraryLeft(library, "c-1");

        await().atMost(PROPAGATION).until(() -> status(known) == 403 && status(onlyClaimed) == 403);
        client.get().uri("/api/catalog/x").header(HttpHeaders.AUTHORIZATION, "Bearer " + known).exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.detail").isEqualTo("Your library is no longer in a cohort of the program.");
        assertThat(status(neighbour)).isEqualTo(200);
        assertThat(status(TestTokens.staff())).isEqualTo(200);
    }

    @Test
    void staffTakenOffTheRosterAreRefused() {
        String email = "staff-" + UUID.randomUUID() + "@outward.test";
        String token = TestTokens.builder().email(email).roles("program-staff").sign();
        RosterEvents roster = new RosterEvents(kafka);
        roster.memberAdded(new MemberAdded("s-" + email, email, "Sam", MemberAdded.ROLE_PROGRAM_STAFF, null, null,
                null));
        assertThat(status(token)).isEqualTo(200);

        roster.memberRemoved("s-" + email, email, null, null);

        await().atMost(PROPAGATION).until(() -> status(token) == 403);
    }

    @Test
    void aSignedInBrowserSessionOfSomeoneTheRosterRemovedIsRefusedLikeTheirToken() {
        String library = "lib-" + UUID.randomUUID();
        String email = "reader@" + library + ".test";
        SignedInSessions.SignedIn session = new SignedInSessions(sessions, registrations)
                .member(email, library, Instant.now().plus(Duration.ofHours(1)));
        RosterEvents roster = new RosterEvents(kafka);
        roster.publish(Events.LIBRARY_JOINED_COHORT, library, joined(library));
        roster.memberAdded(member("m-" + library, email, library));
        assertThat(sessionStatus(session)).isEqualTo(200);

        roster.memberRemoved("m-" + library, email, library, "c-1");

        await().atMost(PROPAGATION).until(() -> sessionStatus(session) == 403);
        int before = received();
        client.get().uri("/api/notes/x").cookie("SESSION", session.sessionId()).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo("You are no longer on the program's roster.");
        assertThat(received()).as("never forwarded").isEqualTo(before);
    }

    private int sessionStatus(SignedInSessions.SignedIn session) {
        return client.get().uri("/api/notifications/x").cookie("SESSION", session.sessionId())
                .exchange().returnResult(Void.class).getStatus().value();
    }

    private int status(String token) {
        return client.get().uri("/api/notifications/x").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange().returnResult(Void.class).getStatus().value();
    }

    private static LibraryJoinedCohort joined(String library) {
        return new LibraryJoinedCohort(library, "c-1", "Cohort", "Library", "Town", "OH", "UTC", "c@" + library + ".test");
    }

    private static MemberAdded member(String id, String email, String library) {
        return new MemberAdded(id, email, "Member", MemberAdded.ROLE_LIBRARY_MEMBER, library, "c-1", null);
    }
}
