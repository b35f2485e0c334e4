package org.outward.catalog.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outward.contracts.DecodedEvent;
import org.outward.contracts.Events;
import org.outward.contracts.catalog.SessionRegistered;
import tools.jackson.databind.JsonNode;

/**
 * Registration under parallel requests: the seat count is one conditional update on the session's document, so
 * more people than seats registering at the same moment fill it exactly, nobody is counted twice, and the rest
 * are told it is full (409 naming capacity).
 */
class RegistrationRaceTest extends SessionFixture {

    private static final int SEATS = 5;
    private static final int PEOPLE = 24;

    private String cohortId;
    private String sessionId;
    private List<Person> people;

    @BeforeEach
    void setUp() {
        clock.set(Instant.parse("2026-02-01T12:00:00Z"));
        cohortId = cohort("2026-01-05", "2027-07-04");
        String webinarId = publishedWebinar();
        sessionId = scheduled(webinarId, sessionBody(cohortId, "2026-03-09T10:00", 60, "America/Chicago", SEATS));
        String libraryA = library(cohortId, "America/Chicago");
        String libraryB = library(cohortId, "America/New_York");
        people = new ArrayList<>();
        for (int i = 0; i < PEOPLE; i++) {
            people.add(person(i % 2 == 0 ? libraryA : libraryB, cohortId));
        }
    }

    @Test
    void moreParallelRegistrationsThanSeatsFillItExactly() throws Exception {
        List<Response> responses = parallel(people.stream().<Callable<Response>>map(p -> () ->
                putEmpty("/api/catalog/sessions/" + sessionId + "/registrations/me", "Authorization", p.token()))
                .toList());

        List<Response> ok = responses.stream().filter(r -> r.status() == 200).toList();
        List<Response> full = responses.stream().filter(r -> r.status() == 409).toList();
        assertThat(ok).as("registered").hasSize(SEATS);
        assertThat(full).as("told it is full").hasSize(PEOPLE - SEATS);
        full.forEach(r -> {
            assertProblem(r, 409, "capacity");
            assertThat(r.json().path("detail").asString()).contains("full");
        });

        JsonNode session = get("/api/catalog/sessions/" + sessionId).json();
        assertThat(session.path("registeredCount").asInt()).isEqualTo(SEATS);
        assertThat(session.path("seatsLeft").asInt()).isZero();
        JsonNode registered = get("/api/catalog/sessions/" + sessionId + "/registrations").json();
        assertThat(registered).hasSize(SEATS);
        assertThat(new HashSet<>(strings(registered, "memberId"))).hasSize(SEATS);

        // One SessionScheduled, then exactly one SessionRegistered per seat taken.
        List<DecodedEvent<?>> events = awaitEvents(sessionId, 1 + SEATS);
        probe().drain(java.time.Duration.ofMillis(500));
        List<SessionRegistered> registrations = recordsSeen(sessionId).stream().map(r -> codec.decode(r.value()))
                .filter(e -> e.is(Events.SESSION_REGISTERED)).map(e -> e.payloadAs(Events.SESSION_REGISTERED))
                .toList();
        assertThat(events).isNotEmpty();
        assertThat(registrations).extracting(SessionRegistered::memberId)
                .containsExactlyInAnyOrderElementsOf(strings(registered, "memberId"));

        // A freed seat can be taken again, once.
        Person first = people.stream().filter(p -> strings(registered, "memberId").contains(p.id())).findFirst()
                .orElseThrow();
        assertThat(delete("/api/catalog/sessions/" + sessionId + "/registrations/me", "Authorization", first.token())
                .status()).isEqualTo(204);
        assertThat(get("/api/catalog/sessions/" + sessionId).json().path("seatsLeft").asInt()).isEqualTo(1);
        Person waiting = people.stream().filter(p -> !strings(registered, "memberId").contains(p.id())).findFirst()
                .orElseThrow();
        assertThat(putEmpty("/api/catalog/sessions/" + sessionId + "/registrations/me", "Authorization",
                waiting.token()).json().path("seatsLeft").asInt()).isZero();
    }

    @Test
    void onePersonRegisteringManyTimesAtOnceIsCountedOnce() throws Exception {
        Person person = people.get(0);
        List<Response> responses = parallel(java.util.stream.IntStream.range(0, 12).<Callable<Response>>mapToObj(i ->
                () -> putEmpty("/api/catalog/sessions/" + sessionId + "/registrations/" + person.id(),
                        "Authorization", person.token())).toList());
        assertThat(responses).allSatisfy(r -> assertThat(r.status()).as(r.raw().body()).isEqualTo(200));
        JsonNode session = get("/api/catalog/sessions/" + sessionId).json();
        assertThat(session.path("registeredCount").asInt()).isEqualTo(1);
        assertThat(session.path("seatsLeft").asInt()).isEqualTo(SEATS - 1);
        awaitEvents(sessionId, 2);
        probe().drain(java.time.Duration.ofMillis(500));
        assertThat(recordsSeen(sessionId).stream().map(r -> codec.decode(r.value()))
                .filter(e -> e.is(Events.SESSION_REGISTERED))).hasSize(1);
    }

    @Test
    void membersRegisterOnlyThemselvesAndNotForFinishedOrCancelledSessions() {
        Person a = people.get(0);
        Person b = people.get(1);
        assertThat(putEmpty("/api/catalog/sessions/" + sessionId + "/registrations/" + b.id(), "Authorization",
                a.token()).status()).as("someone else's registration is not theirs to see").isEqualTo(404);
        assertThat(putEmpty("/api/catalog/sessions/" + sessionId + "/registrations/" + b.id()).status())
                .as("staff register anyone of the cohort").isEqualTo(200);
        clock.set(Instant.parse("2026-03-09T17:00:00Z"));
        assertProblem(putEmpty("/api/catalog/sessions/" + sessionId + "/registrations/me", "Authorization",
                a.token()), 409, "state");
        clock.set(Instant.parse("2026-02-01T12:00:00Z"));
        post("/api/catalog/sessions/" + sessionId + "/cancel", "{}");
        assertProblem(putEmpty("/api/catalog/sessions/" + sessionId + "/registrations/me", "Authorization",
                a.token()), 409, "state");
    }

    private static List<Response> parallel(List<Callable<Response>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> futures = new ArrayList<>();
            for (Callable<Response> call : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> future : futures) {
                responses.add(future.get());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }
}
