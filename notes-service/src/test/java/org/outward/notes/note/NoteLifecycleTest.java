package org.outward.notes.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.outward.contracts.DecodedEvent;
import org.outward.contracts.EventCodec;
import org.outward.contracts.Events;
import org.outward.contracts.Topics;
import org.outward.contracts.notes.NoteDeleted;
import org.outward.contracts.notes.NoteUpdated;
import org.outward.notes.FlakyTextExtractor;
import org.outward.notes.Fixtures;
import org.outward.notes.MultipartBody;
import org.outward.notes.NotesIntegrationTest;
import org.outward.notes.attachment.AttachmentFiles;
import org.outward.notes.attachment.StoredFile;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Edit (If-Match), delete, extraction retries, the orphan sweeper and the list filters. */
class NoteLifecycleTest extends NotesIntegrationTest {

    private final EventCodec codec = new EventCodec();

    @Autowired
    NoteMaintenance maintenance;
    @Autowired
    AttachmentFiles files;

    @AfterEach
    void noMoreFailures() {
        FlakyTextExtractor.FAILURES.set(0);
    }

    @Test
    void editNeedsTheCurrentETagAndPublishesNoteUpdated() throws Exception {
        String libraryId = newLibraryId();
        String id = json(post(validNote(libraryId))).get("id").asString();
        Map<String, Object> change = validNote(libraryId);
        change.put("title", "Conversation at the laundromat");
        change.put("visibility", "private");
        byte[] body = JSON.writeValueAsBytes(change);

        HttpResponse<String> missing = send("PUT", "/api/notes/" + id, memberOf(libraryId), "application/json", body,
                null);
        assertProblem(missing, 428);
        HttpResponse<String> stale = send("PUT", "/api/notes/" + id, memberOf(libraryId), "application/json", body,
                "\"7\"");
        assertProblem(stale, 412);
        assertThat(storedNote(id).getString("title")).isEqualTo(validNote(libraryId).get("title"));

        HttpResponse<String> edited = send("PUT", "/api/notes/" + id, memberOf(libraryId), "application/json", body,
                "\"1\"");

        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
        assertThat(edited.headers().firstValue("ETag")).hasValue("\"2\"");
        assertThat(json(edited).get("title").asString()).isEqualTo("Conversation at the laundromat");
        assertThat(json(edited).get("visibility").asString()).isEqualTo("private");
        assertThat(storedNote(id).get("version", Number.class).longValue()).isEqualTo(2);
        // The same ETag again is now stale: the first writer wins.
        assertProblem(send("PUT", "/api/notes/" + id, memberOf(libraryId), "application/json", body, "\"1\""), 412);

        NoteUpdated event = event(id, Events.NOTE_UPDATED).payloadAs(Events.NOTE_UPDATED);
        assertThat(event.noteVersion()).isEqualTo(2);
        assertThat(event.visibility()).isEqualTo("private");
        // The note is private now: its event names it and carries none of its content (NoteUpdated v2).
        assertThat(event.title()).isNull();
        assertThat(event.conversationDate()).isNull();
        assertThat(rawEvents(id)).noneMatch(value -> value.contains("laundromat"));
    }

    @Test
    void deleteRemovesTheNoteAndItsFilesAndPublishesNoteDeleted() throws Exception {
        String libraryId = newLibraryId();
        long filesBefore = attachmentFiles();
        JsonNode view = json(postMultipart(memberOf(libraryId), new MultipartBody()
                .json("note", JSON.writeValueAsString(validNote(libraryId)))
                .file("files", "a.pdf", null, Fixtures.pdf("Delete me"))));
        String id = view.get("id").asString();
        assertThat(attachmentFiles()).isEqualTo(filesBefore + 1);

        assertProblem(send("DELETE", "/api/notes/" + id, memberOf(libraryId), null, null, "\"9\""), 412);
        HttpResponse<String> deleted = send("DELETE", "/api/notes/" + id, memberOf(libraryId), null, null, "\"1\"");

        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
        assertProblem(get("/api/notes/" + id), 404);
        assertProblem(get(view.get("attachments").get(0).get("url").asString()), 404);
        assertThat(attachmentFiles()).isEqualTo(filesBefore);
        assertThat(notesOf(libraryId)).isZero(); // the tombstone no longer names the library
        assertThat(json(get("/api/notes?libraryId=" + libraryId)).get("total").asLong()).isZero();

        NoteDeleted event = event(id, Events.NOTE_DELETED).payloadAs(Events.NOTE_DELETED);
        assertThat(event.libraryId()).isEqualTo(libraryId);
        assertThat(event.cohortId()).isEqualTo(COHORT);
        // Published, so the tombstone can go.
        maintenance.purgeTombstones();
        assertThat(storedNote(id)).isNull();
        assertProblem(send("DELETE", "/api/notes/" + id, memberOf(libraryId), null, null, null), 404);
    }

    @Test
    void aFailedExtractionKeepsTheNoteAndIsRetriedWithBackoff() throws Exception {
        String libraryId = newLibraryId();
        FlakyTextExtractor.FAILURES.set(2);
        byte[] text = "Parents asked for homework help after school.".getBytes(StandardCharsets.UTF_8);
        JsonNode view = json(postMultipart(memberOf(libraryId), new MultipartBody()
                .json("note", JSON.writeValueAsString(validNote(libraryId)))
                .file("files", "homework.txt", "text/plain", text)));
        String id = view.get("id").asString();
        assertThat(view.get("extraction").asString()).isEqualTo("failed");
        Document attachment = storedNote(id).getList("attachments", Document.class).get(0);
        assertThat(attachment.getInteger("attempts")).isEqualTo(1);
        assertThat(attachment.getDate("retryAt").toInstant()).isEqualTo(NOW.plus(Duration.ofMinutes(1)));

        maintenance.retryExtractions(); // not due yet
        assertThat(storedNote(id).getList("attachments", Document.class).get(0).getInteger("attempts")).isEqualTo(1);

        CLOCK.set(NOW.plus(Duration.ofMinutes(1)));
        maintenance.retryExtractions(); // second failure: next try two minutes later
        attachment = storedNote(id).getList("attachments", Document.class).get(0);
        assertThat(attachment.getInteger("attempts")).isEqualTo(2);
        assertThat(attachment.getDate("retryAt").toInstant()).isEqualTo(NOW.plus(Duration.ofMinutes(3)));
        assertThat(storedNote(id).get("version", Number.class).longValue()).isEqualTo(1);

        CLOCK.set(NOW.plus(Duration.ofMinutes(3)));
        maintenance.retryExtractions();

        Document note = storedNote(id);
        attachment = note.getList("attachments", Document.class).get(0);
        assertThat(attachment.getString("extraction")).isEqualTo("done");
        assertThat(attachment.getString("text")).isEqualTo("Parents asked for homework help after school.");
        assertThat(attachment.get("retryAt")).isNull();
        assertThat(note.get("version", Number.class).longValue()).isEqualTo(2);
        assertThat(json(get("/api/notes/" + id)).get("extraction").asString()).isEqualTo("done");
        assertThat(event(id, Events.NOTE_UPDATED).payloadAs(Events.NOTE_UPDATED).noteVersion()).isEqualTo(2);
    }

    @Test
    void aCorruptDocumentIsKeptAndMarkedFailed() throws Exception {
        String libraryId = newLibraryId();
        byte[] corrupt = "%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage without end".getBytes(StandardCharsets.US_ASCII);

        HttpResponse<String> response = postMultipart(memberOf(libraryId), new MultipartBody()
                .json("note", JSON.writeValueAsString(validNote(libraryId)))
                .file("files", "broken.pdf", null, corrupt));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode attachment = json(response).get("attachments").get(0);
        assertThat(attachment.get("type").asString()).isEqualTo("application/pdf");
        assertThat(attachment.get("extraction").asString()).isEqualTo("failed");
        assertThat(json(response).get("extraction").asString()).isEqualTo("failed");
        assertThat(notesOf(libraryId)).isEqualTo(1);
    }

    @Test
    void filesNoNoteReferencesAreSweptAfterTheGracePeriod() throws Exception {
        String libraryId = newLibraryId();
        JsonNode kept = json(postMultipart(memberOf(libraryId), new MultipartBody()
                .json("note", JSON.writeValueAsString(validNote(libraryId)))
                .file("files", "kept.pdf", null, Fixtures.pdf("Kept"))));
        // A crash between storing a file and writing its note leaves this behind.
        StoredFile orphan = files.store(new ByteArrayInputStream("orphan".getBytes(StandardCharsets.UTF_8)),
                "orphan.txt", "text/plain");

        CLOCK.set(NOW.plus(Duration.ofMinutes(59)));
        maintenance.sweepOrphanFiles();
        assertThat(files.find(orphan.fileId())).isPresent();

        CLOCK.set(NOW.plus(Duration.ofMinutes(61)));
        maintenance.sweepOrphanFiles();
        assertThat(files.find(orphan.fileId())).isEmpty();
        String keptFile = storedNote(kept.get("id").asString()).getList("attachments", Document.class).get(0)
                .getString("fileId");
        assertThat(files.find(keptFile)).isPresent();
    }

    @Test
    void listFiltersCombine() throws Exception {
        String libraryId = newLibraryId();
        Map<String, Object> bus = validNote(libraryId);
        bus.put("conversationDate", "2025-03-01");
        bus.put("body", "Riders want the Number 9 bus to run after dark.");
        bus.put("segments", List.of("commuters"));
        bus.put("tags", List.of("transit"));
        Map<String, Object> rent = validNote(libraryId);
        rent.put("conversationDate", "2025-05-01");
        rent.put("body", "Tenants fear the rent increase; the café owner too.");
        rent.put("segments", List.of("renters"));
        rent.put("tags", List.of("housing"));
        for (Map<String, Object> note : List.of(bus, rent)) {
            assertThat(post(note).statusCode()).isEqualTo(201);
        }
        String base = "/api/notes?libraryId=" + libraryId;

        assertThat(titles(base + "&from=2025-04-01")).hasSize(1);
        assertThat(titles(base + "&from=2025-02-01&to=2025-03-01")).hasSize(1);
        assertThat(total(base + "&segment=renters")).isEqualTo(1);
        assertThat(total(base + "&tag=transit")).isEqualTo(1);
        assertThat(total(base + "&q=cafe")).isEqualTo(1);
        assertThat(total(base + "&q=bus+dark")).isEqualTo(1);
        assertThat(total(base + "&q=bus+rent")).isZero();
        assertThat(total(base + "&tag=transit&from=2025-04-01")).isZero();
        HttpResponse<String> backwards = get(base + "&from=2025-05-01&to=2025-04-01");
        assertProblem(backwards, 400);
        assertThat(errorFields(backwards)).containsExactly("to");
    }

    @Test
    void anotherLibrarysListSearchAndTotalsCountItsSharedNotesOnly() throws Exception {
        String owner = newLibraryId();
        String peer = newLibraryId();
        for (String visibility : List.of("private", "private", "cohort")) {
            Map<String, Object> note = validNote(owner);
            note.put("visibility", visibility);
            note.put("body", visibility.equals("private") ? "The zeppelin hangar lease is secret." : "Bus service.");
            note.put("tags", List.of(visibility.equals("private") ? "zeppelin" : "transit"));
            assertThat(send("POST", "/api/notes", memberOf(owner), "application/json", JSON.writeValueAsBytes(note),
                    null).statusCode()).isEqualTo(201);
        }
        String base = "/api/notes?libraryId=" + owner;

        JsonNode asPeer = json(get(base, memberOf(peer)));
        assertThat(asPeer.get("total").asLong()).isEqualTo(1);
        assertThat(asPeer.get("items")).hasSize(1);
        assertThat(asPeer.toString()).doesNotContain("zeppelin");
        assertThat(json(get(base + "&q=zeppelin", memberOf(peer))).get("total").asLong()).isZero();
        assertThat(json(get(base + "&tag=zeppelin", memberOf(peer))).get("total").asLong()).isZero();
        assertThat(json(get("/api/notes?q=zeppelin+hangar", memberOf(peer))).get("total").asLong()).isZero();
        // The library itself and staff count all three: the filter above is not vacuous.
        assertThat(json(get(base, memberOf(owner))).get("total").asLong()).isEqualTo(3);
        assertThat(json(get(base + "&q=zeppelin", memberOf(owner))).get("total").asLong()).isEqualTo(2);
        assertThat(total(base)).isEqualTo(3);
    }

    private List<String> titles(String path) throws Exception {
        return json(get(path)).get("items").valueStream().map(item -> item.get("title").asString()).toList();
    }

    private long total(String path) throws Exception {
        return json(get(path)).get("total").asLong();
    }

    /** Every record of the note on the notes topic, as sent. */
    private List<String> rawEvents(String noteId) {
        return readTopic(Topics.NOTES_NOTES).stream().filter(record -> noteId.equals(record.key()))
                .map(ConsumerRecord::value).toList();
    }

    /** The note's one event of this type, once the relay published it. */
    private DecodedEvent<?> event(String noteId, org.outward.contracts.EventType<?> type) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Document note = storedNote(noteId);
            return note == null || note.getList("outbox", Document.class, List.of()).isEmpty();
        });
        List<DecodedEvent<?>> events = readTopic(Topics.NOTES_NOTES).stream()
                .filter(record -> noteId.equals(record.key()))
                .map(ConsumerRecord::value).<DecodedEvent<?>>map(codec::decode)
                .filter(event -> event.is(type)).toList();
        assertThat(events).hasSize(1);
        return events.get(0);
    }
}
