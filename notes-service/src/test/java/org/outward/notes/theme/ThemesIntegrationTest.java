package org.outward.notes.theme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.outward.contracts.Events;
import org.outward.contracts.notes.ThemesUpdated;
import org.outward.platform.outbox.OutboxEntry;
import org.outward.platform.outbox.OutboxEvents;
import org.outward.platform.outbox.OutboxRelay;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

/** Themes over real HTTP, kept current from the service's own note events, with ThemesUpdated. */
class ThemesIntegrationTest extends PublicKnowledgeTestSupport {

    private static final List<Corpus.Entry> CORPUS = Corpus.load();

    @Autowired
    OutboxRelay relay;
    @Autowired
    ThemeSnapshots snapshots;

    private static List<Corpus.Entry> topic(String topic) {
        return CORPUS.stream().filter(e -> e.topic().equals(topic)).toList();
    }

    private static JsonNode theme(JsonNode view, String key) {
        for (JsonNode theme : view.get("themes")) {
            if (theme.get("key").asString().equals(key)) {
                return theme;
            }
        }
        throw new AssertionError("no theme " + key + " in " + view);
    }

    /** The theme holding the most of these notes (and at least one). */
    private static JsonNode themeOf(JsonNode view, java.util.Collection<String> notes) {
        JsonNode best = null;
        long most = 0;
        for (JsonNode theme : view.get("themes")) {
            long count = StreamSupport.stream(theme.get("noteIds").spliterator(), false)
                    .filter(id -> notes.contains(id.asString())).count();
            if (count > most) {
                best = theme;
                most = count;
            }
        }
        if (best == null) {
            throw new AssertionError("no theme of " + notes + " in " + view);
        }
        return best;
    }

    private static List<String> noteIds(JsonNode theme) {
        return StreamSupport.stream(theme.get("noteIds").spliterator(), false).map(JsonNode::asString).toList();
    }

    // Two one-sentence notes make a theme only when their sentences are clearly alike (the cohesion guard of
    // pairs): these are, in different words.
    private static final String BUS_A = "The buses stop running too early in the evening.";
    private static final String BUS_B = "Evening bus service ends far too early.";

    private static List<String> evidenceNotes(JsonNode theme) {
        return StreamSupport.stream(theme.get("evidence").spliterator(), false)
                .map(e -> e.get("noteId").asString()).toList();
    }

    @Test
    void aLibrarysThemesFollowItsNotesWithEvidenceAndOnlyItsSharedSetIsAnnounced() throws Exception {
        String library = newLibraryId();
        String cohort = newCohortId();
        Map<String, String> topicOf = new HashMap<>();
        List<Corpus.Entry> entries = new ArrayList<>(topic("housing"));
        entries.addAll(topic("transit"));
        entries.addAll(topic("misc"));
        for (Corpus.Entry entry : entries) {
            topicOf.put(storeNote(entry, library, cohort), entry.topic());
        }
        int shared = (int) entries.stream().filter(e -> e.visibility().equals("cohort")).count();

        awaitSnapshot("library:" + library, entries.size());
        Document sharedSet = awaitSnapshot("library-shared:" + library, shared);
        HttpResponse<String> response = get("/api/notes/themes?libraryId=" + library, member(library, cohort));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode view = json(response);
        assertThat(view.get("scope").asString()).isEqualTo("library");
        assertThat(view.get("libraryId").asString()).isEqualTo(library);
        assertThat(view.get("noteCount").asInt()).isEqualTo(entries.size());
        List<String> housingNotes = topicOf.entrySet().stream().filter(e -> e.getValue().equals("housing"))
                .map(Map.Entry::getKey).toList();
        JsonNode housing = themeOf(view, housingNotes);
        assertThat(housing.get("label").asString()).containsAnyOf("housing", "rent");
        assertThat(housing.get("noteCount").asInt()).isGreaterThanOrEqualTo(5);
        assertThat(housing.get("libraryCount").asInt()).isEqualTo(1);
        assertThat(noteIds(housing)).allMatch(id -> topicOf.get(id).equals("housing"));
        // Evidence: one sentence per note, each linking to its note.
        assertThat(evidenceNotes(housing)).isNotEmpty().doesNotHaveDuplicates()
                .allMatch(id -> topicOf.get(id).equals("housing"));
        assertThat(housing.get("evidence")).allSatisfy(e -> assertThat(e.get("link").asString())
                .isEqualTo("/api/notes/" + e.get("noteId").asString()));
        assertThat(housing.get("terms")).isNotEmpty();
        List<String> transitNotes = topicOf.entrySet().stream().filter(e -> e.getValue().equals("transit"))
                .map(Map.Entry::getKey).toList();
        JsonNode bus = themeOf(view, transitNotes);
        assertThat(bus.get("label").asString()).contains("bus");
        assertThat(evidenceNotes(bus)).noneMatch(id -> topicOf.get(id).equals("misc"));

        // Announced: the library's shared set only (scope library-shared, v2), with the stored top themes in order.
        List<JsonNode> events = themesEvents(library);
        assertThat(events).isNotEmpty().allSatisfy(event -> {
            assertThat(event.get("version").asInt()).isEqualTo(2);
            assertThat(event.get("data").get("scope").asString()).isEqualTo("library-shared");
        });
        JsonNode last = events.get(events.size() - 1);
        assertThat(last.get("type").asString()).isEqualTo("ThemesUpdated");
        assertThat(last.get("data").get("libraryId").asString()).isEqualTo(library);
        assertThat(last.get("data").get("cohortId").asString()).isEqualTo(cohort);
        assertThat(keys(last.get("data").get("themes"))).isEqualTo(sharedSet.getList("keys", String.class));
        assertThat(keys(view.get("themes"))).isEqualTo(snapshot("library:" + library).getList("keys", String.class));

        // The shared set reads the same through the API, for the library's cohort peers too.
        HttpResponse<String> peer = get("/api/notes/themes/shared?libraryId=" + library,
                member(newLibraryId(), cohort));
        assertThat(peer.statusCode()).as(peer.body()).isEqualTo(200);
        assertThat(json(peer).get("scope").asString()).isEqualTo("library-shared");
        assertThat(json(peer).get("noteCount").asInt()).isEqualTo(shared);
        assertThat(keys(json(peer).get("themes"))).isEqualTo(sharedSet.getList("keys", String.class));
    }

    @Test
    void aThemeOfPrivateNotesOnlyStaysInTheLibrarysOwnSetAndNeverInAnEvent() throws Exception {
        String cohort = newCohortId();
        String library = newLibraryId();
        String peer = newLibraryId();
        List<String> secret = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            secret.add(storeNote(library, cohort, "private", "Board retreat " + i,
                    "Concerns: the zeppelin hangar lease is confidential. The zeppelin hangar costs too much.",
                    LocalDate.parse("2025-05-0" + (i + 1))));
        }
        List<String> open = new ArrayList<>();
        for (Corpus.Entry entry : topic("youth")) {
            open.add(storeNote(library, cohort, "cohort", entry.title(), entry.body(), entry.date()));
        }

        Document own = awaitSnapshot("library:" + library, secret.size() + open.size());
        Document sharedSet = awaitSnapshot("library-shared:" + library, open.size());
        awaitSnapshot("cohort:" + cohort, open.size());

        // The library's own set has the private theme (so the checks below are not vacuous) ...
        assertThat(own.getList("keys", String.class)).anyMatch(key -> key.contains("zeppelin") || key.contains("hangar"));
        HttpResponse<String> ownView = get("/api/notes/themes?libraryId=" + library, member(library, cohort));
        assertThat(ownView.body()).contains("zeppelin");
        // ... and nothing else does: not the shared set, not its API view for a peer, not a single event.
        assertThat(sharedSet.getList("keys", String.class)).isNotEmpty()
                .noneMatch(key -> key.contains("zeppelin") || key.contains("hangar"));
        HttpResponse<String> peerView = get("/api/notes/themes/shared?libraryId=" + library, member(peer, cohort));
        assertThat(peerView.statusCode()).isEqualTo(200);
        assertThat(peerView.body()).doesNotContainIgnoringCase("zeppelin").doesNotContainIgnoringCase("hangar")
                .doesNotContain(secret.get(0));
        List<JsonNode> events = new ArrayList<>(themesEvents(library));
        events.addAll(themesEvents("cohort:" + cohort));
        assertThat(events).isNotEmpty().allSatisfy(event -> {
            assertThat(event.toString()).doesNotContainIgnoringCase("zeppelin").doesNotContainIgnoringCase("hangar");
            assertThat(event.get("data").get("scope").asString()).isIn("library-shared", "cohort");
        });
        // A peer may not read the library's own set: another library's data does not exist for them (docs/api.md).
        assertThat(get("/api/notes/themes?libraryId=" + library, member(peer, cohort)).statusCode())
                .isEqualTo(404);
        // A library of another cohort gets nothing of it, not even through the shared set.
        HttpResponse<String> stranger = get("/api/notes/themes/shared?libraryId=" + library,
                member(newLibraryId(), newCohortId()));
        assertThat(stranger.statusCode()).isEqualTo(200);
        assertThat(json(stranger).get("noteCount").asInt()).isZero();
        assertThat(json(stranger).get("themes")).isEmpty();
    }

    @Test
    void unpublishedLibraryScopeEventsOfTheOldVersionAreDroppedBeforeTheRelayRuns() throws Exception {
        String library = newLibraryId();
        String cohort = newCohortId();
        relay.stop();
        try {
            OutboxEntry leaked = outbox.entry(Events.THEMES_UPDATED_V1, library, new ThemesUpdated(
                    ThemesUpdated.SCOPE_LIBRARY, library, cohort, List.of(), NOW));
            OutboxEntry fine = outbox.entry(Events.THEMES_UPDATED, library, new ThemesUpdated(
                    ThemesUpdated.SCOPE_LIBRARY_SHARED, library, cohort, List.of(), NOW));
            mongo.insert(OutboxEvents.attach(new Document("_id", "library:" + library).append("scope", "library")
                    .append("libraryId", library), List.of(leaked)), "theme_snapshots");
            mongo.insert(OutboxEvents.attach(new Document("_id", "library-shared:" + library)
                    .append("scope", "library-shared").append("libraryId", library), List.of(fine)), "theme_snapshots");

            snapshots.dropUnpublishedLibraryEvents();

            assertThat(snapshot("library:" + library).getList("outbox", Document.class)).isEmpty();
            assertThat(snapshot("library-shared:" + library).getList("outbox", Document.class)).hasSize(1);
        } finally {
            relay.start();
        }
        await().atMost(WAIT).until(() -> snapshot("library-shared:" + library)
                .getList("outbox", Document.class, List.of()).isEmpty());
        assertThat(themesEvents(library)).extracting(e -> e.get("data").get("scope").asString())
                .containsExactly("library-shared");
    }

    @Test
    void aPrivateNoteOfAnotherLibraryNeverReachesTheCohortsThemes() throws Exception {
        String cohort = newCohortId();
        String sharing = newLibraryId();
        String secretive = newLibraryId();
        List<String> shared = new ArrayList<>();
        for (Corpus.Entry entry : topic("youth")) {
            shared.add(storeNote(sharing, cohort, "cohort", entry.title(), entry.body(), entry.date()));
        }
        List<String> secret = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            secret.add(storeNote(secretive, cohort, "private", "Board retreat " + i,
                    "Concerns: the zeppelin hangar lease is confidential. The zeppelin hangar costs too much.",
                    LocalDate.parse("2025-05-0" + (i + 1))));
        }
        // One shared note of the secretive library: its own shared words may count, its private ones never.
        String sharedBySecretive = storeNote(secretive, cohort, "cohort", "Open house",
                "Teens asked for youth programs on Saturdays.", LocalDate.parse("2025-05-10"));

        awaitSnapshot("library:" + secretive, 4);
        awaitSnapshot("cohort:" + cohort, shared.size() + 1);

        for (String token : List.of(member(sharing, cohort), member(secretive, cohort), staffToken())) {
            HttpResponse<String> response = get("/api/notes/themes/cohort?cohortId=" + cohort, token);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode view = json(response);
            assertThat(view.get("scope").asString()).isEqualTo("cohort");
            assertThat(view.get("noteCount").asInt()).isEqualTo(shared.size() + 1);
            assertThat(view.toString()).doesNotContainIgnoringCase("zeppelin");
            for (JsonNode theme : view.get("themes")) {
                assertThat(evidenceNotes(theme)).doesNotContainAnyElementsOf(secret);
                assertThat(StreamSupport.stream(theme.get("noteIds").spliterator(), false).map(JsonNode::asString)
                        .toList()).doesNotContainAnyElementsOf(secret);
            }
            JsonNode youth = themeOf(view, List.of(sharedBySecretive));
            assertThat(youth.get("label").asString()).containsAnyOf("youth", "teen");
            assertThat(youth.get("libraryCount").asInt()).isEqualTo(2);
            assertThat(evidenceNotes(youth)).contains(sharedBySecretive);
        }
        // Computed on the fly over a range: the same rule.
        HttpResponse<String> ranged = get("/api/notes/themes/cohort?cohortId=" + cohort
                + "&from=2025-01-01&to=2025-12-31", staffToken());
        assertThat(ranged.statusCode()).isEqualTo(200);
        assertThat(ranged.body()).doesNotContainIgnoringCase("zeppelin");
        // The secretive library itself does see its private theme: the filter above is not vacuous.
        HttpResponse<String> own = get("/api/notes/themes?libraryId=" + secretive, member(secretive, cohort));
        assertThat(json(own).get("themes")).anySatisfy(theme -> {
            assertThat(theme.get("noteCount").asInt()).isEqualTo(3);
            assertThat(theme.get("label").asString()).containsAnyOf("zeppelin", "hangar");
        });
        // And no ThemesUpdated of the cohort ever carried it.
        assertThat(themesEvents("cohort:" + cohort)).isNotEmpty()
                .allSatisfy(event -> assertThat(event.toString()).doesNotContainIgnoringCase("zeppelin"));
    }

    @Test
    void aNoteMadePrivateLeavesTheCohortsThemes() throws Exception {
        String cohort = newCohortId();
        String a = newLibraryId();
        String b = newLibraryId();
        String first = storeNote(a, cohort, "cohort", "Riders", BUS_A, LocalDate.parse("2025-03-01"));
        storeNote(b, cohort, "cohort", "Commuters", BUS_B, LocalDate.parse("2025-03-02"));
        assertThat(awaitSnapshot("cohort:" + cohort, 2).getList("keys", String.class)).singleElement()
                .asString().contains("bu");

        changeVisibility(first, a, cohort, "private");

        assertThat(awaitSnapshot("cohort:" + cohort, 1).getList("keys", String.class)).isEmpty();
        HttpResponse<String> view = get("/api/notes/themes/cohort?cohortId=" + cohort, member(b, cohort));
        assertThat(json(view).get("themes")).isEmpty();
        assertThat(view.body()).doesNotContain(first);
        assertThat(themesEvents("cohort:" + cohort)).hasSize(2).last()
                .satisfies(e -> assertThat(e.get("data").get("themes")).isEmpty());
        // The library itself still has the note, and its themes still count it.
        assertThat(awaitSnapshot("library:" + a, 1).get("noteCount", Number.class).intValue()).isEqualTo(1);
    }

    @Test
    void themesUpdatedIsEmittedWhenTheTopSharedThemesChangeAndOnlyThen() throws Exception {
        String library = newLibraryId();
        String cohort = newCohortId();
        String subject = library;
        String snapshotId = "library-shared:" + library;
        String busNote = storeNote(library, cohort, "cohort", "Riders", BUS_A, LocalDate.parse("2025-03-01"));
        storeNote(library, cohort, "cohort", "Commuters", BUS_B, LocalDate.parse("2025-03-02"));
        Document first = awaitSnapshot(snapshotId, 2);
        List<String> busKeys = first.getList("keys", String.class);
        assertThat(busKeys).hasSize(1);
        assertThat(themesEvents(subject)).hasSize(1);

        // A note that changes no top theme: the snapshot is recomputed, nothing is announced.
        storeNote(library, cohort, "cohort", "Knitting", "The knitting circle met on Tuesday.",
                LocalDate.parse("2025-03-03"));
        Document second = awaitSnapshot(snapshotId, 3);
        assertThat(second.get("version", Number.class).longValue())
                .isGreaterThan(first.get("version", Number.class).longValue());
        assertThat(second.getList("keys", String.class)).isEqualTo(busKeys);
        assertThat(themesEvents(subject)).hasSize(1);

        // Private notes that give the library's own set a new top theme: the shared set does not move, no event.
        storeNote(library, cohort, "private", "Board", "The roof repair budget is short.", LocalDate.parse("2025-03-03"));
        storeNote(library, cohort, "private", "Board again", "Roof repair must wait.", LocalDate.parse("2025-03-03"));
        assertThat(awaitSnapshot("library:" + library, 5).getList("keys", String.class))
                .anyMatch(key -> key.contains("roof"));
        assertThat(awaitSnapshot(snapshotId, 3).getList("keys", String.class)).isEqualTo(busKeys);
        assertThat(themesEvents(subject)).hasSize(1);

        // Two shared notes about rents: a new top theme, announced.
        String rent1 = storeNote(library, cohort, "cohort", "Tenants", "Rents went up again this year.",
                LocalDate.parse("2025-03-04"));
        String rent2 = storeNote(library, cohort, "cohort", "Renters", "Nobody can afford the rent anymore.",
                LocalDate.parse("2025-03-05"));
        Document third = awaitSnapshot(snapshotId, 5);
        assertThat(third.getList("keys", String.class)).hasSize(2).containsAll(busKeys);
        List<JsonNode> events = themesEvents(subject);
        assertThat(events).hasSize(2);
        assertThat(keys(events.get(1).get("data").get("themes"))).isEqualTo(third.getList("keys", String.class));
        assertThat(events.get(1).get("data").get("libraryId").asString()).isEqualTo(library);

        // Deleting them takes the theme away again: announced too.
        assertThat(mongo.count(Query.query(Criteria.where("noteId").in(rent1, rent2)), "theme_vectors")).isEqualTo(2);
        deleteNote(rent1, library, cohort, "cohort");
        deleteNote(rent2, library, cohort, "cohort");
        awaitSnapshot(snapshotId, 3);
        // Their sentence vectors went with them; the other notes' stay.
        assertThat(mongo.count(Query.query(Criteria.where("noteId").in(rent1, rent2)), "theme_vectors")).isZero();
        assertThat(mongo.count(Query.query(Criteria.where("noteId").is(busNote)), "theme_vectors")).isEqualTo(1);
        assertThat(themesEvents(subject)).hasSize(3).last()
                .satisfies(e -> assertThat(keys(e.get("data").get("themes"))).isEqualTo(busKeys));
        assertThat(themesEvents(subject)).allSatisfy(e -> assertThat(e.toString()).doesNotContain("roof"));
    }

    @Test
    void aLibraryWithoutACohortHasItsOwnSetAndAnnouncesNothing() throws Exception {
        String library = newLibraryId();
        storeNote(library, null, "private", "Riders", BUS_A, LocalDate.parse("2025-03-01"));
        storeNote(library, null, "private", "Commuters", BUS_B, LocalDate.parse("2025-03-02"));

        assertThat(awaitSnapshot("library:" + library, 2).getList("keys", String.class)).hasSize(1)
                .allMatch(key -> key.contains("bu"));
        assertThat(snapshot("library-shared:" + library)).isNull();
        assertThat(themesEvents(library)).isEmpty();
    }

    @Test
    void notesUploadedThroughTheApiReachTheThemes() throws Exception {
        String library = newLibraryId();
        String cohort = newCohortId();
        for (Corpus.Entry entry : topic("hours")) {
            Map<String, Object> note = validNote(library);
            note.remove("libraryId");
            note.remove("cohortId");
            note.put("title", entry.title());
            note.put("body", entry.body());
            note.put("conversationDate", entry.date().toString());
            note.put("visibility", entry.visibility());
            HttpResponse<String> created = send("POST", "/api/notes", member(library, cohort),
                    JSON.writeValueAsString(note), null);
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        }
        int shared = (int) topic("hours").stream().filter(e -> e.visibility().equals("cohort")).count();

        Document own = awaitSnapshot("library:" + library, topic("hours").size());
        Document ofCohort = awaitSnapshot("cohort:" + cohort, shared);

        String topKey = own.getList("keys", String.class).get(0);
        assertThat(topKey).contains("hour");
        assertThat(ofCohort.getList("keys", String.class)).contains(topKey);
        assertThat(themesEvents("cohort:" + cohort)).last().satisfies(e -> {
            assertThat(e.get("data").get("scope").asString()).isEqualTo("cohort");
            assertThat(e.get("data").get("cohortId").asString()).isEqualTo(cohort);
        });
    }

    @Test
    void aDateRangeIsComputedOnTheFlyFromTheNotesInIt() throws Exception {
        String library = newLibraryId();
        storeNote(library, null, "private", "Early A", BUS_A, LocalDate.parse("2025-01-10"));
        storeNote(library, null, "private", "Early B", BUS_B, LocalDate.parse("2025-01-20"));
        storeNote(library, null, "private", "Late A", "Rents went up again this year.", LocalDate.parse("2025-05-10"));
        storeNote(library, null, "private", "Late B", "Nobody can afford the rent anymore.",
                LocalDate.parse("2025-05-20"));

        HttpResponse<String> early = get("/api/notes/themes?libraryId=" + library + "&from=2025-01-01&to=2025-01-31",
                staffToken());
        HttpResponse<String> late = get("/api/notes/themes?libraryId=" + library + "&from=2025-05-01", staffToken());

        assertThat(early.statusCode()).as(early.body()).isEqualTo(200);
        assertThat(json(early).get("noteCount").asInt()).isEqualTo(2);
        assertThat(json(early).get("from").asString()).isEqualTo("2025-01-01");
        assertThat(json(early).get("themes")).singleElement()
                .satisfies(t -> assertThat(t.get("label").asString()).contains("bus"));
        assertThat(json(late).get("themes")).singleElement()
                .satisfies(t -> assertThat(t.get("label").asString()).contains("rent"));
    }

    @Test
    void badQueriesGetProblems() throws Exception {
        String library = newLibraryId();
        HttpResponse<String> reversed = get("/api/notes/themes?libraryId=" + library + "&from=2025-05-01&to=2025-01-01",
                staffToken());
        assertProblem(reversed, 400);
        assertThat(errorFields(reversed)).containsExactly("from");

        HttpResponse<String> badDate = get("/api/notes/themes?libraryId=" + library + "&from=yesterday", staffToken());
        assertProblem(badDate, 400);

        HttpResponse<String> staffWithoutLibrary = get("/api/notes/themes", staffToken());
        assertProblem(staffWithoutLibrary, 400);
        assertThat(errorFields(staffWithoutLibrary)).containsExactly("libraryId");

        HttpResponse<String> staffWithoutCohort = get("/api/notes/themes/cohort", staffToken());
        assertProblem(staffWithoutCohort, 400);
        assertThat(errorFields(staffWithoutCohort)).containsExactly("cohortId");

        // A member without parameters gets their own library's and cohort's themes.
        String cohort = newCohortId();
        HttpResponse<String> own = get("/api/notes/themes", member(library, cohort));
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(json(own).get("libraryId").asString()).isEqualTo(library);
        HttpResponse<String> ownCohort = get("/api/notes/themes/cohort", member(library, cohort));
        assertThat(json(ownCohort).get("cohortId").asString()).isEqualTo(cohort);
        assertThat(Set.of(json(ownCohort).get("themes").size())).containsExactly(0);
    }
}
