package org.outward.notes.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.outward.contracts.DecodedEvent;
import org.outward.contracts.EventCodec;
import org.outward.contracts.Events;
import org.outward.contracts.Topics;
import org.outward.contracts.notes.NoteUploaded;
import org.outward.notes.NotesIntegrationTest;
import tools.jackson.databind.JsonNode;

class NoteUploadTest extends NotesIntegrationTest {

    private final EventCodec codec = new EventCodec();

    @Test
    void uploadStoresTheNoteAndPublishesExactlyOneNoteUploadedWithoutTheBody() throws Exception {
        String libraryId = newLibraryId();
        Map<String, Object> note = validNote(libraryId);
        String requestId = "req-upload-" + libraryId;

        HttpResponse<String> response = postJson(JSON.writeValueAsString(note), requestId);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode view = json(response);
        String id = view.get("id").asString();
        assertThat(response.headers().firstValue("Location")).hasValue("/api/notes/" + id);
        assertThat(response.headers().firstValue("ETag")).hasValue("\"1\"");
        assertThat(response.headers().firstValue("X-Request-Id")).hasValue(requestId);
        assertThat(view.get("libraryId").asString()).isEqualTo(libraryId);
        assertThat(view.get("cohortId").asString()).isEqualTo("cohort-2025");
        assertThat(view.get("title").asString()).isEqualTo(note.get("title"));
        assertThat(view.get("body").asString()).isEqualTo(note.get("body"));
        assertThat(view.get("conversationDate").asString()).isEqualTo("2025-06-10");
        assertThat(view.get("place").asString()).isEqualTo(note.get("place"));
        assertThat(view.get("facilitator").asString()).isEqualTo("Dana Reyes");
        assertThat(view.get("participants").asInt()).isEqualTo(14);
        assertThat(strings(view.get("segments"))).containsExactly("seniors", "new residents");
        assertThat(strings(view.get("tags"))).containsExactly("transport", "safety");
        assertThat(view.get("visibility").asString()).isEqualTo("cohort");
        assertThat(view.get("version").asLong()).isEqualTo(1);
        assertThat(Instant.parse(view.get("createdAt").asString())).isEqualTo(NOW);
        assertThat(Instant.parse(view.get("updatedAt").asString())).isEqualTo(NOW);

        Document stored = storedNote(id);
        assertThat(stored).isNotNull();
        assertThat(stored.getString("libraryId")).isEqualTo(libraryId);
        assertThat(stored.getString("body")).isEqualTo(note.get("body"));
        assertThat(stored.getString("conversationDate")).isEqualTo("2025-06-10");
        assertThat(stored.getString("visibility")).isEqualTo("cohort");
        assertThat(stored.get("version", Number.class).longValue()).isEqualTo(1);

        // The relay removes the entry only after Kafka acknowledged it, so afterwards the topic holds it.
        await().atMost(Duration.ofSeconds(30)).until(() -> storedNote(id).getList("outbox", Document.class).isEmpty());
        List<ConsumerRecord<String, String>> records = readTopic(Topics.NOTES_NOTES).stream()
                .filter(record -> record.value().contains(id)).toList();
        assertThat(records).hasSize(1);
        ConsumerRecord<String, String> record = records.get(0);
        assertThat(record.key()).isEqualTo(id);
        assertThat(record.value()).doesNotContain("safer walking routes");

        DecodedEvent<?> event = codec.decode(record.value());
        assertThat(event.is(Events.NOTE_UPLOADED)).isTrue();
        assertThat(event.envelope().subject()).isEqualTo(id);
        assertThat(event.envelope().source()).isEqualTo("notes-service");
        assertThat(event.envelope().correlationId()).isEqualTo(requestId);
        assertThat(event.envelope().occurredAt()).isEqualTo(NOW);
        assertThat(event.payloadAs(Events.NOTE_UPLOADED)).isEqualTo(new NoteUploaded(id, libraryId, "cohort-2025",
                "Kitchen-table conversation at the branch", NoteUploaded.VISIBILITY_COHORT,
                LocalDate.parse("2025-06-10"), NOW));
    }

    @Test
    void optionalFieldsMayBeLeftOutAndVisibilityDefaultsToPrivate() throws Exception {
        String libraryId = newLibraryId();
        Map<String, Object> note = validNote(libraryId);
        note.remove("cohortId"); // the cohort (and library) come from the token
        note.remove("webinarId");
        note.remove("participants");
        note.remove("segments");
        note.remove("tags");
        note.remove("visibility");

        HttpResponse<String> response = post(note);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode view = json(response);
        assertThat(view.get("visibility").asString()).isEqualTo("private");
        assertThat(view.get("libraryId").asString()).isEqualTo(libraryId);
        assertThat(view.get("cohortId").asString()).isEqualTo(COHORT);
        assertThat(view.get("webinarId").isNull()).isTrue();
        assertThat(view.get("attachments").isEmpty()).isTrue();
        assertThat(view.get("extraction").asString()).isEqualTo("none");
        assertThat(view.get("participants").isNull()).isTrue();
        assertThat(view.get("segments").isEmpty()).isTrue();
        assertThat(view.get("tags").isEmpty()).isTrue();
        assertThat(storedNote(view.get("id").asString()).getString("visibility")).isEqualTo("private");
    }

    @Test
    void labelsAreTrimmedAndRepeatsDropped() throws Exception {
        Map<String, Object> note = validNote(newLibraryId());
        note.put("tags", List.of(" transport ", "transport", "safety"));

        HttpResponse<String> response = post(note);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(strings(json(response).get("tags"))).containsExactly("transport", "safety");
    }

    @Test
    void getReturnsTheStoredNote() throws Exception {
        HttpResponse<String> created = post(validNote(newLibraryId()));
        String id = json(created).get("id").asString();

        HttpResponse<String> response = get("/api/notes/" + id);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("ETag")).hasValue("\"1\"");
        assertThat(json(response)).isEqualTo(json(created));
    }

    @Test
    void unknownNoteIs404Problem() throws Exception {
        HttpResponse<String> response = get("/api/notes/no-such-note");

        assertProblem(response, 404);
        assertThat(json(response).get("detail").asString()).contains("no-such-note");
    }

    @Test
    void listShowsOneLibrarysNotesNewestConversationFirstInPages() throws Exception {
        String libraryId = newLibraryId();
        for (String date : List.of("2025-05-01", "2025-06-12", "2025-03-20")) {
            Map<String, Object> note = validNote(libraryId);
            note.put("conversationDate", date);
            note.put("title", "Conversation of " + date);
            assertThat(post(note).statusCode()).isEqualTo(201);
        }
        assertThat(post(validNote(newLibraryId())).statusCode()).isEqualTo(201); // another library's

        JsonNode first = json(get("/api/notes?libraryId=" + libraryId + "&page=0&size=2"));
        JsonNode second = json(get("/api/notes?libraryId=" + libraryId + "&page=1&size=2"));

        assertThat(first.get("total").asLong()).isEqualTo(3);
        assertThat(first.get("page").asInt()).isZero();
        assertThat(first.get("size").asInt()).isEqualTo(2);
        assertThat(dates(first)).containsExactly("2025-06-12", "2025-05-01");
        assertThat(second.get("page").asInt()).isEqualTo(1);
        assertThat(dates(second)).containsExactly("2025-03-20");
        assertThat(first.get("items").get(0).get("libraryId").asString()).isEqualTo(libraryId);
    }

    @Test
    void listDefaultsToFirstPageOfTwenty() throws Exception {
        String libraryId = newLibraryId();
        assertThat(post(validNote(libraryId)).statusCode()).isEqualTo(201);

        JsonNode page = json(get("/api/notes?libraryId=" + libraryId));

        assertThat(page.get("page").asInt()).isZero();
        assertThat(page.get("size").asInt()).isEqualTo(20);
        assertThat(page.get("total").asLong()).isEqualTo(1);
        assertThat(page.get("items")).hasSize(1);
    }

    @Test
    void listNamesEveryBadParameter() throws Exception {
        HttpResponse<String> response = get("/api/notes?page=-1&size=500&q=" + "w".repeat(501));

        assertProblem(response, 400);
        assertThat(errorFields(response)).containsExactly("page", "q", "size");
    }

    @Test
    void listRejectsAParameterOfTheWrongType() throws Exception {
        HttpResponse<String> response = get("/api/notes?libraryId=" + newLibraryId() + "&page=first");

        assertProblem(response, 400);
        assertThat(errorFields(response)).containsExactly("page");
    }

    private static List<String> strings(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }

    private static List<String> dates(JsonNode page) {
        return page.get("items").valueStream().map(item -> item.get("conversationDate").asString()).toList();
    }
}
