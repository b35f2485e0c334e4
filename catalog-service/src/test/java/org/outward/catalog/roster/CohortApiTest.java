package org.outward.catalog.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class CohortApiTest extends RosterTest {

    @Test
    void createsACohort() {
        Instant now = Instant.parse("2026-03-10T08:00:00Z");
        clock.set(now);
        String slug = unique("spring-2026");

        Response created = post("/api/catalog/cohorts", cohortBody(slug));

        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        JsonNode cohort = created.json();
        String id = cohort.path("id").asString();
        assertThat(created.header("Location")).isEqualTo("/api/catalog/cohorts/" + id);
        assertThat(cohort.path("name").asString()).isEqualTo("Spring 2026 cohort");
        assertThat(cohort.path("slug").asString()).isEqualTo(slug);
        assertThat(cohort.path("startsOn").asString()).isEqualTo("2026-04-01");
        assertThat(cohort.path("endsOn").asString()).isEqualTo("2026-09-30");
        assertThat(cohort.path("version").asLong()).isEqualTo(1);
        assertThat(Instant.parse(cohort.path("createdAt").asString())).isEqualTo(now);

        Document stored = mongo.findById(id, Document.class, "cohorts");
        assertThat(stored.getString("startsOn")).isEqualTo("2026-04-01");
        assertThat(stored.getString("slug")).isEqualTo(slug);

        Response fetched = get("/api/catalog/cohorts/" + id);
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.json()).isEqualTo(cohort);
    }

    @Test
    void listsCohortsAndFindsOneBySlug() {
        JsonNode first = newCohort();
        JsonNode second = newCohort();

        JsonNode all = get("/api/catalog/cohorts").json();
        assertThat(all.valueStream().map(c -> c.path("id").asString()))
                .contains(first.path("id").asString(), second.path("id").asString());

        JsonNode bySlug = get("/api/catalog/cohorts?slug=" + second.path("slug").asString()).json();
        assertThat(bySlug.size()).isEqualTo(1);
        assertThat(bySlug.get(0)).isEqualTo(second);

        assertThat(get("/api/catalog/cohorts?slug=no-such-cohort").json().size()).isZero();
    }

    @Test
    void refusesADuplicateSlug() {
        String slug = unique("twice");
        assertThat(post("/api/catalog/cohorts", cohortBody(slug)).status()).isEqualTo(201);

        assertProblem(post("/api/catalog/cohorts", cohortBody(slug)), 409, "slug");
        assertThat(get("/api/catalog/cohorts?slug=" + slug).json().size()).isEqualTo(1);
    }

    @Test
    void namesEveryInvalidField() {
        ObjectNode body = cohortBody("Bad Slug");
        body.put("name", "");
        body.remove("startsOn");
        body.putNull("endsOn");

        assertProblem(post("/api/catalog/cohorts", body), 400, "name", "slug", "startsOn", "endsOn");
    }

    @Test
    void endsOnMustBeAfterStartsOn() {
        ObjectNode body = cohortBody(unique("backwards"));
        body.put("endsOn", "2026-04-01");

        Response response = post("/api/catalog/cohorts", body);

        assertProblem(response, 400, "endsOn");
        assertThat(response.json().path("errors").get(0).path("message").asString()).contains("startsOn");
    }

    @Test
    void rejectsAnImpossibleDateAndMalformedJson() {
        ObjectNode body = cohortBody(unique("date"));
        body.put("startsOn", "2026-02-30");

        assertProblem(post("/api/catalog/cohorts", body), 400, "startsOn");
        assertProblem(post("/api/catalog/cohorts", "[1, 2"), 400);
    }

    @Test
    void unknownCohortsAreNotFound() {
        assertProblem(get("/api/catalog/cohorts/no-such-id"), 404);
    }
}
