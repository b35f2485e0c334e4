package org.outward.notes.theme;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.outward.contracts.Events;
import org.outward.contracts.notes.NoteDeleted;
import org.outward.contracts.notes.NoteUpdated;
import org.outward.contracts.notes.NoteUploaded;
import org.outward.notes.NotesIntegrationTest;
import org.outward.platform.outbox.OutboxEntry;
import org.outward.platform.outbox.OutboxEvents;
import org.outward.platform.test.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.JsonNode;

/**
 * Helpers of the themes, calibration and report tests. Notes are stored the way the note package stores them
 * (one document in {@code notes} with its {@code NoteUploaded} in its outbox), so the real relay publishes the
 * event and the real theme listener reacts to it: the path under test is the production one from the event on.
 */
public abstract class PublicKnowledgeTestSupport extends NotesIntegrationTest {

    protected static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    protected OutboxEvents outbox;

    protected static String newCohortId() {
        return "cohort-" + UUID.randomUUID();
    }

    protected static String member(String libraryId, String cohortId) {
        return memberOf(libraryId, cohortId);
    }

    protected static String staffToken() {
        return "Bearer " + TestTokens.staff();
    }

    /** Stores a note and its NoteUploaded in one write, as the note package does; returns its id. */
    protected String storeNote(String libraryId, String cohortId, String visibility, String title, String body,
            LocalDate date) {
        String id = UUID.randomUUID().toString();
        Date now = Date.from(NOW);
        Document note = new Document("_id", id)
                .append("libraryId", libraryId)
                .append("cohortId", cohortId)
                .append("title", title)
                .append("body", body)
                .append("conversationDate", date.toString())
                .append("place", "Main branch")
                .append("facilitator", "Dana Reyes")
                .append("participants", 12)
                .append("segments", List.of())
                .append("tags", List.of())
                .append("visibility", visibility)
                .append("attachments", List.of())
                .append("version", 1L)
                .append("createdAt", now)
                .append("updatedAt", now);
        boolean shared = NoteUploaded.VISIBILITY_COHORT.equals(visibility);
        OutboxEntry event = outbox.entry(Events.NOTE_UPLOADED, id, new NoteUploaded(id, libraryId, cohortId,
                shared ? title : null, visibility, shared ? date : null, NOW));
        mongo.insert(OutboxEvents.attach(note, List.of(event)), "notes");
        return id;
    }

    /** Stores a corpus entry as a note of the given library and cohort (its own visibility). */
    protected String storeNote(Corpus.Entry entry, String libraryId, String cohortId) {
        return storeNote(libraryId, cohortId, entry.visibility(), entry.title(), entry.body(), entry.date());
    }

    /** Changes a note's visibility the way the note package edits a note (version up, NoteUpdated). */
    protected void changeVisibility(String noteId, String libraryId, String cohortId, String visibility) {
        Document note = mongo.findOne(Query.query(Criteria.where("_id").is(noteId)), Document.class, "notes");
        long version = note.get("version", Number.class).longValue() + 1;
        boolean shared = NoteUploaded.VISIBILITY_COHORT.equals(visibility);
        OutboxEntry event = outbox.entry(Events.NOTE_UPDATED, noteId, new NoteUpdated(noteId, libraryId, cohortId,
                shared ? note.getString("title") : null, visibility,
                shared ? LocalDate.parse(note.getString("conversationDate")) : null, version, NOW));
        mongo.updateFirst(Query.query(Criteria.where("_id").is(noteId)), OutboxEvents.push(new Update()
                .set("visibility", visibility).set("version", version), List.of(event)), "notes");
    }

    /** Deletes a note the way the note package does (a tombstone with its NoteDeleted). */
    protected void deleteNote(String noteId, String libraryId, String cohortId, String visibility) {
        OutboxEntry event = outbox.entry(Events.NOTE_DELETED, noteId,
                new NoteDeleted(noteId, libraryId, cohortId, visibility, NOW));
        mongo.updateFirst(Query.query(Criteria.where("_id").is(noteId)), OutboxEvents.push(new Update()
                .set("deletedAt", Date.from(NOW)).set("visibility", "deleted").unset("libraryId").unset("cohortId")
                .unset("body"), List.of(event)), "notes");
    }

    protected Document snapshot(String id) {
        return mongo.findOne(Query.query(Criteria.where("_id").is(id)), Document.class, "theme_snapshots");
    }

    /** Waits until the scope's snapshot used {@code notes} notes and its event (if any) has been published. */
    protected Document awaitSnapshot(String id, int notes) {
        await().atMost(WAIT).until(() -> {
            Document snapshot = snapshot(id);
            return snapshot != null && snapshot.get("noteCount", Number.class).intValue() == notes
                    && snapshot.getList("outbox", Document.class, List.of()).isEmpty();
        });
        return snapshot(id);
    }

    protected HttpResponse<String> send(String method, String pathAndQuery, String authorization, String jsonBody,
            String accept) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathAndQuery));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (accept != null) {
            request.header("Accept", accept);
        }
        if (jsonBody != null) {
            request.header("Content-Type", "application/json");
            request.method(method, HttpRequest.BodyPublishers.ofString(jsonBody));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The ThemesUpdated events of a subject, oldest first (read up to the topic's current end). */
    protected List<JsonNode> themesEvents(String subject) {
        return readTopic(Events.THEMES_UPDATED.topic()).stream()
                .filter(r -> subject.equals(r.key()))
                .map(ConsumerRecord::value).map(JSON::readTree).toList();
    }

    protected static List<String> keys(JsonNode themes) {
        return java.util.stream.StreamSupport.stream(themes.spliterator(), false)
                .map(t -> t.get("key").asString()).toList();
    }
}
