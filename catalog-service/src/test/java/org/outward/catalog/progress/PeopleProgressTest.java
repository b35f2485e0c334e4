package org.outward.catalog.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.outward.catalog.support.CatalogIntegrationTest;
import org.outward.platform.test.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Completion per person and per library: attending a session or watching the recording has a webinar done; the
 * series is complete when every (published) webinar is done. The per-person matrix as JSON and CSV.
 */
class PeopleProgressTest extends CatalogIntegrationTest {

    @Test
    void attendanceAndRecordingsCountPerPersonAndPerLibrary() {
        clock.set(Instant.parse("2026-02-01T12:00:00Z"));
        String cohortId = post("/api/catalog/cohorts", object().put("name", "People " + unique("c"))
                .put("slug", unique("people")).put("startsOn", "2026-01-05").put("endsOn", "2027-07-04"))
                .json().path("id").asString();
        String libA = library(cohortId, "Alpha");
        String libB = library(cohortId, "Beta");
        String[] ada = member(libA, cohortId, "Ada");
        String[] bob = member(libA, cohortId, "Bob");
        String[] cy = member(libB, cohortId, "Cy");
        String w1 = webinar();
        String w2 = webinar();
        ObjectNode sessionBody = object().put("cohortId", cohortId).put("start", "2026-03-09T10:00")
                .put("durationMinutes", 60).put("timeZone", "America/Chicago")
                .put("joinUrl", "https://meet.example.org/x");
        String session = post("/api/catalog/webinars/" + w1 + "/sessions", sessionBody).json().path("id").asString();
        clock.set(Instant.parse("2026-03-09T16:00:00Z"));
        assertThat(putEmpty("/api/catalog/sessions/" + session + "/attendance/" + ada[0]).status()).isEqualTo(200);
        // Bob marks the second webinar's recording himself; he may not mark Ada's.
        assertThat(putEmpty("/api/catalog/members/" + bob[0] + "/progress/" + w2 + "/recording", "Authorization",
                bob[1]).json().path("watchedRecording").asBoolean()).isTrue();
        assertThat(putEmpty("/api/catalog/members/" + ada[0] + "/progress/" + w2 + "/recording", "Authorization",
                bob[1]).status()).isEqualTo(404);

        JsonNode people = get("/api/catalog/cohorts/" + cohortId + "/progress/people").json();
        int i1 = column(people, w1);
        int i2 = column(people, w2);
        JsonNode adaRow = row(people, "memberId", ada[0]);
        JsonNode bobRow = row(people, "memberId", bob[0]);
        JsonNode cyRow = row(people, "memberId", cy[0]);
        assertThat(adaRow.path("cells").get(i1).path("done").asBoolean()).isTrue();
        assertThat(adaRow.path("cells").get(i1).path("attendedSessions").get(0).asString()).isEqualTo(session);
        assertThat(adaRow.path("cells").get(i2).path("done").asBoolean()).isFalse();
        assertThat(bobRow.path("cells").get(i2).path("watchedRecording").asBoolean()).isTrue();
        assertThat(bobRow.path("cells").get(i1).path("done").asBoolean()).isFalse();
        assertThat(cyRow.path("doneCount").asInt()).isZero();

        JsonNode libraries = get("/api/catalog/cohorts/" + cohortId + "/progress").json();
        JsonNode alpha = row(libraries, "libraryId", libA);
        assertThat(alpha.path("cells").get(i1).path("done").asBoolean()).isTrue();
        assertThat(alpha.path("cells").get(i1).path("peopleDone").asInt()).isEqualTo(1);
        assertThat(alpha.path("cells").get(i2).path("done").asBoolean()).isTrue();
        assertThat(row(libraries, "libraryId", libB).path("doneCount").asInt()).isZero();

        // Ada does every published webinar (other tests publish some too): her series is complete.
        for (JsonNode column : people.path("webinars")) {
            putEmpty("/api/catalog/members/" + ada[0] + "/progress/" + column.path("webinarId").asString()
                    + "/recording", "Authorization", ada[1]);
        }
        JsonNode after = get("/api/catalog/cohorts/" + cohortId + "/progress/people").json();
        assertThat(row(after, "memberId", ada[0]).path("complete").asBoolean()).isTrue();
        assertThat(row(after, "memberId", bob[0]).path("complete").asBoolean()).isFalse();
        assertThat(row(get("/api/catalog/cohorts/" + cohortId + "/progress").json(), "libraryId", libA)
                .path("complete").asBoolean()).isTrue();

        Response csv = get("/api/catalog/cohorts/" + cohortId + "/progress/people", "Accept", "text/csv");
        assertThat(csv.contentType()).startsWith("text/csv");
        String[] lines = csv.raw().body().split("\r\n");
        assertThat(lines[0]).startsWith("member_id,name,library_id,library_name,").endsWith(",complete");
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith(ada[0] + ",Ada,").endsWith(",yes"));
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith(cy[0] + ",Cy,").endsWith(",no"));
        assertThat(get("/api/catalog/cohorts/" + cohortId + "/progress/people", "Authorization", ada[1]).status())
                .isEqualTo(403);
    }

    private static int column(JsonNode matrix, String webinarId) {
        for (int i = 0; i < matrix.path("webinars").size(); i++) {
            if (matrix.path("webinars").get(i).path("webinarId").asString().equals(webinarId)) {
                return i;
            }
        }
        throw new AssertionError("no column for " + webinarId);
    }

    private static JsonNode row(JsonNode matrix, String field, String id) {
        for (JsonNode row : matrix.path("rows")) {
            if (row.path(field).asString().equals(id)) {
                return row;
            }
        }
        throw new AssertionError("no row " + id);
    }

    private String library(String cohortId, String name) {
        return post("/api/catalog/cohorts/" + cohortId + "/libraries", object().put("name", name + " " + unique("l"))
                .put("city", "Springfield").put("state", "IL").put("contactEmail", "d@example.org")
                .put("timeZone", "America/Chicago")).json().path("id").asString();
    }

    /** {id, token} */
    private String[] member(String libraryId, String cohortId, String name) {
        String email = unique(name.toLowerCase()) + "@library.test";
        String id = post("/api/catalog/libraries/" + libraryId + "/members", object().put("name", name)
                .put("email", email)).json().path("id").asString();
        return new String[] {id, bearer(TestTokens.builder().subject("user-" + UUID.randomUUID()).email(email)
                .roles("library-member").library(libraryId).cohort(cohortId).sign())};
    }

    private String webinar() {
        String slug = unique("people");
        String id = post("/api/catalog/webinars", object().put("title", "W " + slug).put("slug", slug)
                .put("summary", "S.").put("seriesPosition", 1).put("durationMinutes", 60)).json().path("id")
                .asString();
        postEmpty("/api/catalog/webinars/" + id + "/publish");
        return id;
    }
}
