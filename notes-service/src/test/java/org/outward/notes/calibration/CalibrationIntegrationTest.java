package org.outward.notes.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.outward.contracts.Topics;
import org.outward.notes.theme.PublicKnowledgeTestSupport;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

class CalibrationIntegrationTest extends PublicKnowledgeTestSupport {

    private HttpResponse<String> calibrate(String token, Map<String, Object> body) throws Exception {
        return send("POST", "/api/notes/calibrations", token, JSON.writeValueAsString(body), null);
    }

    private Document stored(String libraryId) {
        return mongo.findOne(Query.query(Criteria.where("_id").is(libraryId)), Document.class, "calibrations");
    }

    @Test
    void aLibraryRecordsItsStageAndKeepsTheHistoryWithAnEventEachTime() throws Exception {
        String library = newLibraryId();
        String cohort = newCohortId();
        String note = storeNote(library, cohort, "private", "Tenants", "Rents went up.", LocalDate.parse("2025-05-01"));
        String open = storeNote(library, cohort, "cohort", "Open house", "Rents.", LocalDate.parse("2025-05-02"));

        HttpResponse<String> first = calibrate(member(library, cohort), Map.of("stage", "waiting-place",
                "reasons", "People wait for the city to act.", "supportingNoteIds", List.of(note, note, open)));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(first.headers().firstValue("Location")).hasValue("/api/notes/calibrations?libraryId=" + library);
        JsonNode created = json(first);
        assertThat(created.get("stage").asString()).isEqualTo("waiting-place");
        assertThat(created.get("previousStage").isNull()).isTrue();
        assertThat(created.get("supportingNoteIds")).hasSize(2);

        HttpResponse<String> second = calibrate(member(library, cohort), Map.of("libraryId", library,
                "stage", "catalytic", "reasons", "Tenants organised a committee.", "supportingNoteIds", List.of()));
        assertThat(second.statusCode()).as(second.body()).isEqualTo(201);
        assertThat(json(second).get("previousStage").asString()).isEqualTo("waiting-place");

        HttpResponse<String> history = get("/api/notes/calibrations?libraryId=" + library, staffToken());
        assertThat(history.statusCode()).isEqualTo(200);
        JsonNode view = json(history);
        assertThat(view.get("current").asString()).isEqualTo("catalytic");
        assertThat(view.get("cohortId").asString()).isEqualTo(cohort);
        assertThat(view.get("history")).hasSize(2);
        assertThat(view.get("history").get(0).get("stage").asString()).isEqualTo("catalytic");
        assertThat(view.get("history").get(1).get("reasons").asString()).isEqualTo("People wait for the city to act.");
        assertThat(view.get("history").get(1).get("supportingNoteIds").toString()).contains(note, open);
        assertThat(view.get("history").get(1).get("calibratedBy").asString()).isEqualTo("member-of-" + library);

        // Each calibration went out with its own event, written with it.
        await().atMost(WAIT).until(() -> stored(library).getList("outbox", Document.class, List.of()).isEmpty());
        List<JsonNode> events = readTopic(Topics.NOTES_CALIBRATIONS).stream().filter(r -> library.equals(r.key()))
                .map(ConsumerRecord::value).map(JSON::readTree).toList();
        assertThat(events).hasSize(2);
        assertThat(events).extracting(e -> e.get("type").asString()).containsOnly("CommunityStageCalibrated");
        assertThat(events).extracting(e -> e.get("version").asInt()).containsOnly(2);
        JsonNode latest = events.get(1).get("data");
        assertThat(latest.get("stage").asString()).isEqualTo("catalytic");
        assertThat(latest.get("previousStage").asString()).isEqualTo("waiting-place");
        assertThat(latest.get("libraryId").asString()).isEqualTo(library);
        assertThat(latest.get("cohortId").asString()).isEqualTo(cohort);
        // The event serves the whole cohort: no reasons, and of the supporting notes only the shared one.
        JsonNode firstEvent = events.get(0).get("data");
        assertThat(firstEvent.has("reasons")).isFalse();
        assertThat(firstEvent.get("sharedSupportingNoteIds")).hasSize(1);
        assertThat(firstEvent.get("sharedSupportingNoteIds").get(0).asString()).isEqualTo(open);
        assertThat(events).allSatisfy(e -> assertThat(e.toString()).doesNotContain(note, "People wait",
                "Tenants organised"));
    }

    @Test
    void aSupportingNoteMustBeALiveNoteOfTheLibraryAndNothingIsStoredOtherwise() throws Exception {
        String library = newLibraryId();
        String other = newLibraryId();
        String cohort = newCohortId();
        String own = storeNote(library, cohort, "cohort", "Own", "Text.", LocalDate.parse("2025-05-01"));
        String foreign = storeNote(other, cohort, "cohort", "Shared by another", "Text.", LocalDate.parse("2025-05-01"));

        HttpResponse<String> response = calibrate(member(library, cohort), Map.of("stage", "growth",
                "reasons", "Momentum.", "supportingNoteIds", List.of(own, foreign)));
        assertProblem(response, 400);
        assertThat(errorFields(response)).containsExactly("supportingNoteIds[1]");

        HttpResponse<String> unknown = calibrate(member(library, cohort), Map.of("stage", "growth",
                "reasons", "Momentum.", "supportingNoteIds", List.of("no-such-note")));
        assertProblem(unknown, 400);
        assertThat(stored(library)).isNull();
    }

    @Test
    void badBodiesGetProblemsAndStoreNothing() throws Exception {
        String library = newLibraryId();
        String cohort = newCohortId();

        HttpResponse<String> badStage = calibrate(member(library, cohort), Map.of("stage", "nirvana",
                "reasons", "x"));
        assertProblem(badStage, 400);
        HttpResponse<String> missing = calibrate(member(library, cohort), Map.of("reasons", " "));
        assertProblem(missing, 400);
        assertThat(errorFields(missing)).containsExactlyInAnyOrder("stage", "reasons");
        HttpResponse<String> tooLong = calibrate(member(library, cohort), Map.of("stage", "growth",
                "reasons", "x".repeat(4001)));
        assertProblem(tooLong, 400);
        assertThat(errorFields(tooLong)).containsExactly("reasons");

        assertThat(stored(library)).isNull();
        HttpResponse<String> history = get("/api/notes/calibrations", member(library, cohort));
        assertThat(history.statusCode()).isEqualTo(200);
        assertThat(json(history).get("history")).isEmpty();
        assertThat(json(history).get("current").isNull()).isTrue();
    }
}
