package org.outward.catalog.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.outward.catalog.support.CatalogIntegrationTest;
import org.outward.contracts.Events;
import org.outward.contracts.catalog.CohortCreated;
import org.outward.contracts.catalog.MilestoneData;
import org.outward.platform.test.TestTokens;
import tools.jackson.databind.JsonNode;

/** The cohort's timeline through the API, and the milestones its CohortCreated event carries. */
class TimelineTest extends CatalogIntegrationTest {

    @Test
    void theTimelineHasTheCohortsDatesSessionsCalibrationsAndReportsInOrder() {
        clock.set(Instant.parse("2026-02-01T12:00:00Z"));
        String cohortId = post("/api/catalog/cohorts", object().put("name", "Timeline " + unique("c"))
                .put("slug", unique("timeline")).put("startsOn", "2026-01-05").put("endsOn", "2027-07-04"))
                .json().path("id").asString();
        String slug = unique("tl");
        String webinarId = post("/api/catalog/webinars", object().put("title", "Kickoff").put("slug", slug)
                .put("summary", "S.").put("seriesPosition", 1).put("durationMinutes", 60)).json().path("id")
                .asString();
        String session = post("/api/catalog/webinars/" + webinarId + "/sessions", object().put("cohortId", cohortId)
                .put("start", "2026-07-05T09:00").put("durationMinutes", 60).put("timeZone", "America/Chicago")
                .put("joinUrl", "https://meet.example.org/x")).json().path("id").asString();

        JsonNode timeline = get("/api/catalog/cohorts/" + cohortId + "/timeline").json();
        List<String> entries = new ArrayList<>();
        timeline.path("milestones").forEach(m -> entries.add(m.path("on").asString() + " " + m.path("kind")
                .asString()));
        assertThat(entries).containsExactly(
                "2026-01-05 cohort-start",
                "2026-01-05 calibration-expected",
                "2026-07-05 session",
                "2026-07-05 calibration-expected",
                "2026-07-05 report-due",
                "2027-01-05 calibration-expected",
                "2027-01-05 report-due",
                "2027-07-04 calibration-expected", // 18 months after the start is past the end: due on the last day
                "2027-07-04 report-due",
                "2027-07-04 cohort-end");
        JsonNode live = timeline.path("milestones").get(2);
        assertThat(live.path("sessionId").asString()).isEqualTo(session);
        assertThat(live.path("startsAt").asString()).isEqualTo("2026-07-05T14:00:00Z");
        assertThat(live.path("state").asString()).isEqualTo("scheduled");
        assertThat(live.path("title").asString()).isEqualTo("Live session: Kickoff");

        String library = post("/api/catalog/cohorts/" + cohortId + "/libraries", object().put("name", unique("L"))
                .put("city", "Springfield").put("state", "IL").put("contactEmail", "d@example.org")
                .put("timeZone", "America/Chicago")).json().path("id").asString();
        String email = unique("tl") + "@library.test";
        post("/api/catalog/libraries/" + library + "/members", object().put("name", "Tia").put("email", email));
        String member = bearer(TestTokens.builder().subject("user-" + UUID.randomUUID()).email(email)
                .roles("library-member").library(library).cohort(cohortId).sign());
        assertThat(get("/api/catalog/cohorts/" + cohortId + "/timeline", "Authorization", member).status())
                .isEqualTo(200);
        assertThat(get("/api/catalog/cohorts/" + cohortId + "/timeline", "Authorization", newMember()).status())
                .as("a member of another cohort").isEqualTo(404);

        CohortCreated created = awaitEvents(cohortId, 1).get(0).payloadAs(Events.COHORT_CREATED);
        assertThat(created.startsOn()).isEqualTo(LocalDate.parse("2026-01-05"));
        assertThat(created.milestones()).extracting(MilestoneData::kind).startsWith("cohort-start")
                .endsWith("cohort-end").contains("calibration-expected", "report-due");
        assertThat(created.milestones()).hasSize(9);
    }
}
