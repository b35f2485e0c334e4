package org.outward.catalog.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outward.contracts.DecodedEvent;
import org.outward.contracts.Events;
import org.outward.contracts.catalog.SessionCancelled;
import org.outward.contracts.catalog.SessionRescheduled;
import org.outward.contracts.catalog.SessionScheduled;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Scheduling, rescheduling and cancelling live sessions; their events; what is refused and why. */
class SessionLifecycleTest extends SessionFixture {

    private String cohortId;
    private String webinarId;

    @BeforeEach
    void setUp() {
        clock.set(Instant.parse("2026-02-01T12:00:00Z"));
        cohortId = cohort("2026-01-05", "2027-07-04");
        webinarId = publishedWebinar();
    }

    @Test
    void aSessionIsScheduledInItsOwnZoneWithItsEvent() {
        // 10:00 in Chicago on 9 March 2026 is summer time (CDT, UTC-5): the day after the clocks changed.
        Response created = schedule(webinarId, sessionBody(cohortId, "2026-03-09T10:00", 90, "America/Chicago", 30));
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        JsonNode session = created.json();
        String id = session.path("id").asString();
        assertThat(created.header("Location")).isEqualTo("/api/catalog/sessions/" + id);
        assertThat(created.header("ETag")).isEqualTo("\"1\"");
        assertThat(session.path("startsAt").asString()).isEqualTo("2026-03-09T15:00:00Z");
        assertThat(session.path("endsAt").asString()).isEqualTo("2026-03-09T16:30:00Z");
        assertThat(session.path("localStart").asString()).isEqualTo("2026-03-09T10:00:00-05:00");
        assertThat(session.path("state").asString()).isEqualTo("scheduled");
        assertThat(session.path("seatsLeft").asInt()).isEqualTo(30);
        assertThat(session.path("sequence").asInt()).isZero();

        List<DecodedEvent<?>> events = awaitEvents(id, 1);
        assertThat(events.get(0).type()).isEqualTo(Events.SESSION_SCHEDULED);
        SessionScheduled event = events.get(0).payloadAs(Events.SESSION_SCHEDULED);
        assertThat(event.startsAt()).isEqualTo(Instant.parse("2026-03-09T15:00:00Z"));
        assertThat(event.timeZone()).isEqualTo("America/Chicago");
        assertThat(event.cohortId()).isEqualTo(cohortId);
        assertThat(event.capacity()).isEqualTo(30);
        assertThat(event.sequence()).isZero();
        assertThat(event.webinarTitle()).startsWith("Live ");
    }

    @Test
    void overlappingSessionsOfOneWebinarAreAllowed() {
        scheduled(webinarId, sessionBody(cohortId, "2026-04-01T10:00", 60, "America/New_York", null));
        scheduled(webinarId, sessionBody(cohortId, "2026-04-01T10:30", 60, "America/New_York", null));
        Response list = get("/api/catalog/webinars/" + webinarId + "/sessions");
        assertThat(list.json()).hasSize(2);
        assertThat(list.json().get(0).path("seatsLeft").isNull()).isTrue();
    }

    @Test
    void badSessionsAreRefusedNamingTheFieldAndNothingIsWritten() {
        assertProblem(schedule(webinarId, sessionBody(cohortId, "2026-01-31T10:00", 60, "America/Chicago", null)),
                400, "start");
        assertProblem(schedule(webinarId, sessionBody(cohortId, "2026-03-09T10:00", 0, "America/Chicago", null)),
                400, "durationMinutes");
        assertProblem(schedule(webinarId, sessionBody(cohortId, "2026-03-09T10:00", -30, "America/Chicago", null)),
                400, "durationMinutes");
        assertProblem(schedule(webinarId, sessionBody(cohortId, "2026-03-09T10:00", 60, "Mars/Olympus_Mons", null)),
                400, "timeZone");
        // 02:30 on 8 March 2026 does not exist in Chicago: the clocks jump from 02:00 to 03:00.
        Response gap = schedule(webinarId, sessionBody(cohortId, "2026-03-08T02:30", 60, "America/Chicago", null));
        assertProblem(gap, 400, "start");
        assertThat(gap.json().path("errors").get(0).path("message").asString()).contains("clocks skip");
        assertProblem(schedule(webinarId, sessionBody("no-such-cohort", "2026-03-09T10:00", 60, "UTC", null)), 400,
                "cohortId");
        assertProblem(schedule(webinarId, sessionBody(cohortId, "2026-03-09T10:00", 60, "UTC", 0)), 400, "capacity");
        ObjectNode noLink = sessionBody(cohortId, "2026-03-09T10:00", 60, "UTC", null);
        noLink.put("joinUrl", "javascript:alert(1)");
        assertProblem(schedule(webinarId, noLink), 400, "joinUrl");
        assertThat(schedule("no-such-webinar", sessionBody(cohortId, "2026-03-09T10:00", 60, "UTC", null)).status())
                .isEqualTo(404);

        assertThat(get("/api/catalog/webinars/" + webinarId + "/sessions").json()).isEmpty();
        assertThat(mongo.getCollection("sessions").countDocuments(new org.bson.Document("webinarId", webinarId)))
                .isZero();
    }

    @Test
    void reschedulingNeedsTheETagRaisesTheSequenceAndEmitsTheWholeNewState() {
        String id = scheduled(webinarId, sessionBody(cohortId, "2026-03-09T10:00", 60, "America/Chicago", 10));
        ObjectNode moved = sessionBody(null, "2026-03-10T14:00", 45, "America/Chicago", 12);

        assertProblem(put("/api/catalog/sessions/" + id, moved), 428, "If-Match");
        assertProblem(put("/api/catalog/sessions/" + id, moved, "If-Match", "\"7\""), 412);
        assertProblem(put("/api/catalog/sessions/" + id, sessionBody(null, "2026-01-10T14:00", 45, "UTC", null),
                "If-Match", "\"1\""), 400, "start");

        Response changed = put("/api/catalog/sessions/" + id, moved, "If-Match", "\"1\"");
        assertThat(changed.status()).as(changed.raw().body()).isEqualTo(200);
        assertThat(changed.header("ETag")).isEqualTo("\"2\"");
        assertThat(changed.json().path("state").asString()).isEqualTo("rescheduled");
        assertThat(changed.json().path("sequence").asInt()).isEqualTo(1);
        assertThat(changed.json().path("startsAt").asString()).isEqualTo("2026-03-10T19:00:00Z");

        // The same details again change nothing and emit nothing.
        Response same = put("/api/catalog/sessions/" + id, moved, "If-Match", "\"2\"");
        assertThat(same.header("ETag")).isEqualTo("\"2\"");

        Response cancelled = post("/api/catalog/sessions/" + id + "/cancel", "{\"reason\":\"Snow storm\"}");
        assertThat(cancelled.status()).as(cancelled.raw().body()).isEqualTo(200);
        assertThat(cancelled.json().path("state").asString()).isEqualTo("cancelled");
        assertThat(cancelled.json().path("sequence").asInt()).isEqualTo(2);
        assertThat(post("/api/catalog/sessions/" + id + "/cancel", "{}").json().path("sequence").asInt())
                .isEqualTo(2);
        assertProblem(put("/api/catalog/sessions/" + id, moved, "If-Match", "*"), 409, "state");

        List<DecodedEvent<?>> events = awaitEvents(id, 3);
        assertThat(events.stream().map(e -> e.type().name()).toList()).containsExactly("SessionScheduled",
                "SessionRescheduled", "SessionCancelled");
        SessionRescheduled rescheduled = events.get(1).payloadAs(Events.SESSION_RESCHEDULED);
        assertThat(rescheduled.previousStartsAt()).isEqualTo(Instant.parse("2026-03-09T15:00:00Z"));
        assertThat(rescheduled.startsAt()).isEqualTo(Instant.parse("2026-03-10T19:00:00Z"));
        assertThat(rescheduled.sequence()).isEqualTo(1);
        assertThat(rescheduled.capacity()).isEqualTo(12);
        SessionCancelled cancel = events.get(2).payloadAs(Events.SESSION_CANCELLED);
        assertThat(cancel.sequence()).isEqualTo(2);
        assertThat(cancel.reason()).isEqualTo("Snow storm");
        probe().drain(java.time.Duration.ofMillis(500));
        assertThat(recordsSeen(id)).hasSize(3);
    }

    @Test
    void onlyTheCohortsPeopleSeeItsSessions() {
        String id = scheduled(webinarId, sessionBody(cohortId, "2026-03-09T10:00", 60, "UTC", null));
        String library = library(cohortId, "America/Chicago");
        Person mine = person(library, cohortId);
        String other = cohort("2026-01-05", "2027-07-04");
        Person stranger = person(library(other, "UTC"), other);

        assertThat(get("/api/catalog/sessions/" + id, "Authorization", mine.token()).status()).isEqualTo(200);
        assertThat(get("/api/catalog/cohorts/" + cohortId + "/sessions", "Authorization", mine.token()).json())
                .hasSize(1);
        assertThat(get("/api/catalog/sessions/" + id, "Authorization", stranger.token()).status()).isEqualTo(404);
        assertThat(get("/api/catalog/webinars/" + webinarId + "/sessions", "Authorization", stranger.token())
                .json()).isEmpty();
        assertThat(putEmpty("/api/catalog/sessions/" + id + "/registrations/me", "Authorization",
                stranger.token()).status()).isEqualTo(404);
        assertThat(post("/api/catalog/webinars/" + webinarId + "/sessions",
                sessionBody(cohortId, "2026-03-09T10:00", 60, "UTC", null), "Authorization", mine.token()).status())
                .isEqualTo(403);
    }
}
