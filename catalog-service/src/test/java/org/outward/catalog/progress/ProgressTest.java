package org.outward.catalog.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outward.catalog.support.CatalogIntegrationTest;
import org.outward.contracts.DecodedEvent;
import org.outward.contracts.Events;
import org.outward.contracts.Topics;
import org.outward.contracts.catalog.ProgressRecorded;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Marking webinars watched and resources done, taking marks back, and the cohort's matrix. */
class ProgressTest extends CatalogIntegrationTest {

    private String cohortId;
    private String libraryId;
    private String neighbourId;
    private String webinarId;
    private String webinarSlug;
    private String draftId;

    @BeforeEach
    void roster() {
        ObjectNode cohort = object();
        cohort.put("name", "Progress cohort");
        cohort.put("slug", unique("progress"));
        cohort.put("startsOn", "2026-01-01");
        cohort.put("endsOn", "2027-06-30");
        cohortId = post("/api/catalog/cohorts", cohort).json().path("id").asString();
        libraryId = library("Alpha " + unique("lib"));
        neighbourId = library("Bibliothèque Beta " + unique("lib"));
        webinarSlug = unique("prog");
        webinarId = webinar(webinarSlug);
        assertThat(postEmpty("/api/catalog/webinars/" + webinarId + "/publish").status()).isEqualTo(200);
        draftId = webinar(unique("progdraft"));
    }

    private String library(String name) {
        ObjectNode body = object();
        body.put("name", name);
        body.put("city", "Springfield");
        body.put("state", "IL");
        body.put("contactEmail", "director@example.org");
        body.put("timeZone", "America/Chicago");
        Response created = post("/api/catalog/cohorts/" + cohortId + "/libraries", body);
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    private String webinar(String slug) {
        ObjectNode body = object();
        body.put("title", "Progress " + slug);
        body.put("slug", slug);
        body.put("summary", "Summary.");
        body.put("seriesPosition", 1);
        body.put("durationMinutes", 60);
        var resources = body.putArray("resources");
        resources.addObject().put("title", "Worksheet").put("kind", "worksheet").put("url", "https://e.org/w.pdf");
        resources.addObject().put("title", "Slides").put("kind", "slides").put("url", "https://e.org/s.pdf");
        Response created = post("/api/catalog/webinars", body);
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    private String base(String library) {
        return "/api/catalog/libraries/" + library + "/progress/";
    }

    @Test
    void aMemberMarksAndUnmarksAndEachChangeIsOneEvent() {
        clock.set(Instant.parse("2026-10-01T12:00:00Z"));
        memberOf(libraryId, cohortId); // on the roster
        String me = bearer(org.outward.platform.test.TestTokens.builder().subject("user-ada").roles("library-member")
                .email(org.outward.platform.test.TestTokens.memberEmail(libraryId)).library(libraryId).cohort(cohortId)
                .sign());

        Response watched = putEmpty(base(libraryId) + webinarId + "/watched", "Authorization", me);
        assertThat(watched.status()).as(watched.raw().body()).isEqualTo(200);
        assertThat(watched.json().path("watched").asBoolean()).isTrue();
        assertThat(watched.json().path("version").asLong()).isEqualTo(1);
        Instant second = clock.advance(Duration.ofMinutes(1));
        Response done = putEmpty(base(libraryId) + webinarId + "/resources/worksheet", "Authorization", me);
        assertThat(done.json().path("resourcesDone")).extracting(JsonNode::asString).containsExactly("worksheet");
        // the same marks again change nothing
        assertThat(putEmpty(base(libraryId) + webinarId + "/watched", "Authorization", me).json()
                .path("version").asLong()).isEqualTo(2);
        assertThat(putEmpty(base(libraryId) + webinarId + "/resources/worksheet", "Authorization", me).json()
                .path("version").asLong()).isEqualTo(2);
        Instant third = clock.advance(Duration.ofMinutes(1));
        Response undone = delete(base(libraryId) + webinarId + "/resources/worksheet", "Authorization", me);
        assertThat(undone.status()).isEqualTo(204);
        assertThat(undone.raw().body()).isEmpty();
        JsonNode afterUndo = get("/api/catalog/libraries/" + libraryId + "/progress", "Authorization", me).json().get(0);
        assertThat(afterUndo.path("resourcesDone").size()).isZero();
        assertThat(afterUndo.path("watched").asBoolean()).isTrue();
        assertThat(delete(base(libraryId) + webinarId + "/resources/slides", "Authorization", me).status())
                .isEqualTo(204);
        assertThat(get("/api/catalog/libraries/" + libraryId + "/progress", "Authorization", me).json().get(0)
                .path("version").asLong()).as("nothing to take back").isEqualTo(3);

        List<ConsumerRecord<String, String>> records = probe().await(r -> libraryId.equals(r.key())
                && r.topic().equals(Topics.CATALOG_PROGRESS), 3, EVENT_TIMEOUT);
        assertThat(records).hasSize(3);
        List<ProgressRecorded> payloads = records.stream().map(r -> codec.decode(r.value()))
                .map(e -> e.payloadAs(Events.PROGRESS_RECORDED)).toList();
        assertThat(payloads).containsExactly(
                new ProgressRecorded(libraryId, cohortId, webinarId, "webinar-watched", null, true, "user-ada",
                        Instant.parse("2026-10-01T12:00:00Z")),
                new ProgressRecorded(libraryId, cohortId, webinarId, "resource-done", "worksheet", true, "user-ada",
                        second),
                new ProgressRecorded(libraryId, cohortId, webinarId, "resource-done", "worksheet", false, "user-ada",
                        third));

        JsonNode mine = get("/api/catalog/libraries/" + libraryId + "/progress", "Authorization", me).json();
        assertThat(mine.size()).isEqualTo(1);
        assertThat(mine.get(0).path("webinarId").asString()).isEqualTo(webinarId);
        assertThat(mine.get(0).path("watched").asBoolean()).isTrue();

        // a later event for the same key shows nothing else was emitted in between
        assertThat(delete(base(libraryId) + webinarId + "/watched", "Authorization", me).status()).isEqualTo(204);
        List<DecodedEvent<?>> all = awaitEvents(libraryId, 5); // LibraryJoinedCohort + 4 progress
        assertThat(all).extracting(e -> (Object) e.type()).containsExactly(Events.LIBRARY_JOINED_COHORT,
                Events.PROGRESS_RECORDED, Events.PROGRESS_RECORDED, Events.PROGRESS_RECORDED,
                Events.PROGRESS_RECORDED);
    }

    @Test
    void aMemberMayNotWriteAnotherLibrarysProgress() {
        String me = memberOf(libraryId, cohortId);

        // Another library's progress does not exist for a member: 404 for writes as for reads.
        assertProblem(putEmpty(base(neighbourId) + webinarId + "/watched", "Authorization", me), 404);
        assertProblem(putEmpty(base(neighbourId) + webinarId + "/resources/worksheet", "Authorization", me), 404);
        assertProblem(delete(base(neighbourId) + webinarId + "/watched", "Authorization", me), 404);
        assertProblem(get("/api/catalog/libraries/" + neighbourId + "/progress", "Authorization", me), 404);
        assertThat(get("/api/catalog/libraries/" + neighbourId + "/progress").json().size())
                .as("nothing was written").isZero();
    }

    @Test
    void unknownOrUnpublishedThingsAreNotFound() {
        String me = memberOf(libraryId, cohortId);
        assertProblem(putEmpty(base(libraryId) + draftId + "/watched", "Authorization", me), 404);
        assertProblem(putEmpty(base(libraryId) + "no-such-webinar/watched", "Authorization", me), 404);
        assertProblem(putEmpty(base(libraryId) + webinarId + "/resources/no-such-key", "Authorization", me), 404);
        assertProblem(putEmpty(base("no-such-library") + webinarId + "/watched"), 404);
        assertProblem(get("/api/catalog/libraries/no-such-library/progress"), 404);
        assertProblem(get("/api/catalog/cohorts/no-such-cohort/progress"), 404);
        assertThat(get("/api/catalog/libraries/" + libraryId + "/progress").json().size()).isZero();
    }

    @Test
    void staffSeeTheCohortMatrixAsJsonAndCsv() {
        assertThat(putEmpty(base(libraryId) + webinarId + "/watched").status()).isEqualTo(200);
        assertThat(putEmpty(base(libraryId) + webinarId + "/resources/slides").status()).isEqualTo(200);
        assertThat(putEmpty(base(neighbourId) + webinarId + "/resources/worksheet").status()).isEqualTo(200);

        Response json = get("/api/catalog/cohorts/" + cohortId + "/progress");
        assertThat(json.status()).as(json.raw().body()).isEqualTo(200);
        JsonNode matrix = json.json();
        assertThat(matrix.path("cohortId").asString()).isEqualTo(cohortId);
        List<String> columns = matrix.path("webinars").valueStream().map(w -> w.path("webinarId").asString()).toList();
        assertThat(columns).contains(webinarId).doesNotContain(draftId);
        int column = columns.indexOf(webinarId);
        assertThat(matrix.path("rows").valueStream().map(r -> r.path("libraryId").asString()).toList())
                .containsExactly(libraryId, neighbourId);
        JsonNode alpha = matrix.path("rows").get(0).path("cells").get(column);
        assertThat(alpha.path("watched").asBoolean()).isTrue();
        assertThat(alpha.path("resourcesDone")).extracting(JsonNode::asString).containsExactly("slides");
        assertThat(alpha.path("resourcesTotal").asInt()).isEqualTo(2);
        JsonNode beta = matrix.path("rows").get(1).path("cells").get(column);
        assertThat(beta.path("watched").asBoolean()).isFalse();
        assertThat(beta.path("resourcesDone")).extracting(JsonNode::asString).containsExactly("worksheet");

        Response csv = get("/api/catalog/cohorts/" + cohortId + "/progress", "Accept", "text/csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        String[] lines = csv.raw().body().split("\r\n");
        assertThat(lines).hasSize(3);
        List<String> header = List.of(lines[0].split(","));
        int watchedColumn = header.indexOf(webinarSlug + " watched");
        assertThat(watchedColumn).isEqualTo(2 + 2 * column);
        assertThat(header.get(watchedColumn + 1)).isEqualTo(webinarSlug + " resources done");
        assertThat(lines[1]).startsWith(libraryId + ",Alpha ");
        assertThat(lines[2]).as("UTF-8").startsWith(neighbourId + ",Bibliothèque Beta ");
        assertThat(csv.header("Content-Disposition")).contains("attachment").contains(cohortId + ".csv");
        assertThat(lines[1].split(",")[watchedColumn]).isEqualTo("yes");
        assertThat(lines[1].split(",")[watchedColumn + 1]).isEqualTo("1/2");
        assertThat(lines[2].split(",")[watchedColumn]).isEqualTo("no");
        assertThat(lines[2].split(",")[watchedColumn + 1]).isEqualTo("1/2");

        String member = memberOf(libraryId, cohortId);
        assertProblem(get("/api/catalog/cohorts/" + cohortId + "/progress", "Authorization", member), 403);
        assertThat(get("/api/catalog/cohorts/" + cohortId + "/progress", "Authorization", member, "Accept",
                "text/csv").status()).isEqualTo(403);
    }

    @Test
    void csvCellsAreEscapedAndDefused() {
        assertThat(ProgressCsv.escape("a,b")).isEqualTo("\"a,b\"");
        assertThat(ProgressCsv.escape("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(ProgressCsv.escape("=HYPERLINK(1)")).isEqualTo("'=HYPERLINK(1)");
        assertThat(ProgressCsv.escape("plain")).isEqualTo("plain");
    }
}
