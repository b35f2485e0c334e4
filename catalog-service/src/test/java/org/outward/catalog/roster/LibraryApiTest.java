package org.outward.catalog.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.outward.contracts.DecodedEvent;
import org.outward.contracts.Events;
import org.outward.contracts.catalog.LibraryJoinedCohort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class LibraryApiTest extends RosterTest {

    @Test
    void addsALibraryAndAnnouncesIt() {
        JsonNode cohort = newCohort();
        String cohortId = cohort.path("id").asString();
        String name = unique("Springfield Public Library");
        String requestId = unique("req");

        Response created = post("/api/catalog/cohorts/" + cohortId + "/libraries", libraryBody(name),
                "X-Request-Id", requestId);

        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        JsonNode library = created.json();
        String id = library.path("id").asString();
        assertThat(created.header("Location")).isEqualTo("/api/catalog/libraries/" + id);
        assertThat(library.path("cohortId").asString()).isEqualTo(cohortId);
        assertThat(library.path("name").asString()).isEqualTo(name);
        assertThat(library.path("city").asString()).isEqualTo("Springfield");
        assertThat(library.path("state").asString()).as("stored upper-case").isEqualTo("IL");
        assertThat(library.path("contactEmail").asString()).isEqualTo("director@springfield.example.org");
        assertThat(library.path("timeZone").asString()).isEqualTo("America/Chicago");
        assertThat(library.path("version").asLong()).isEqualTo(1);
        assertThat(get("/api/catalog/libraries/" + id).json()).isEqualTo(library);

        Document stored = mongo.findById(id, Document.class, "libraries");
        assertThat(stored.getString("nameKey")).isEqualTo(name.toLowerCase());

        List<DecodedEvent<?>> events = awaitEvents(id, 1);
        assertThat(events).hasSize(1);
        DecodedEvent<?> event = events.get(0);
        assertThat(event.type()).isEqualTo(Events.LIBRARY_JOINED_COHORT);
        assertThat(event.envelope().subject()).isEqualTo(id);
        assertThat(event.envelope().correlationId()).isEqualTo(requestId);
        assertThat(recordsSeen(id).get(0).topic()).isEqualTo("outward.catalog.roster");
        assertThat(event.payloadAs(Events.LIBRARY_JOINED_COHORT)).isEqualTo(new LibraryJoinedCohort(id, cohortId,
                "Spring 2026 cohort", name, "Springfield", "IL", "America/Chicago",
                "director@springfield.example.org"));
    }

    @Test
    void refusesASecondLibraryOfTheSameNameInACohort() {
        String cohortId = newCohort().path("id").asString();
        String name = unique("Oak Park Library");
        assertThat(post("/api/catalog/cohorts/" + cohortId + "/libraries", libraryBody(name)).status()).isEqualTo(201);

        Response again = post("/api/catalog/cohorts/" + cohortId + "/libraries",
                libraryBody("  " + name.toUpperCase() + " "));

        assertProblem(again, 409, "name");
        assertThat(get("/api/catalog/cohorts/" + cohortId + "/libraries").json().size()).isEqualTo(1);

        String otherCohortId = newCohort().path("id").asString();
        assertThat(post("/api/catalog/cohorts/" + otherCohortId + "/libraries", libraryBody(name)).status())
                .as("the same name in another cohort is another library").isEqualTo(201);
    }

    @Test
    void listsTheLibrariesOfACohortByName() {
        String cohortId = newCohort().path("id").asString();
        String otherCohortId = newCohort().path("id").asString();
        String suffix = unique("");
        post("/api/catalog/cohorts/" + cohortId + "/libraries", libraryBody("Zion Library" + suffix));
        post("/api/catalog/cohorts/" + cohortId + "/libraries", libraryBody("aurora Library" + suffix));
        post("/api/catalog/cohorts/" + otherCohortId + "/libraries", libraryBody("Berwyn Library" + suffix));

        Response list = get("/api/catalog/cohorts/" + cohortId + "/libraries");

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().valueStream().map(l -> l.path("name").asString()))
                .containsExactly("aurora Library" + suffix, "Zion Library" + suffix);
    }

    @Test
    void namesEveryInvalidField() {
        String cohortId = newCohort().path("id").asString();
        ObjectNode body = libraryBody(" ");
        body.remove("city");
        body.put("state", "Ohio");
        body.put("contactEmail", "not-an-email");
        body.put("timeZone", "Mars/Olympus_Mons");

        assertProblem(post("/api/catalog/cohorts/" + cohortId + "/libraries", body), 400,
                "name", "city", "state", "contactEmail", "timeZone");
        assertProblem(post("/api/catalog/cohorts/" + cohortId + "/libraries", "{\"name\": }"), 400);
        assertThat(get("/api/catalog/cohorts/" + cohortId + "/libraries").json().size()).isZero();
    }

    @Test
    void unknownCohortsAndLibrariesAreNotFound() {
        assertProblem(post("/api/catalog/cohorts/no-such-cohort/libraries", libraryBody(unique("Lost Library"))), 404);
        assertProblem(get("/api/catalog/cohorts/no-such-cohort/libraries"), 404);
        assertProblem(get("/api/catalog/libraries/no-such-library"), 404);
    }
}
