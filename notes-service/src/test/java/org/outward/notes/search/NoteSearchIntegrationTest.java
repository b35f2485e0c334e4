package org.outward.notes.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.outward.notes.MultipartBody;
import org.outward.notes.theme.PublicKnowledgeTestSupport;
import org.outward.notes.theme.SentenceEmbedder;
import org.outward.notes.theme.StoredThemeVectors;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Note search over real HTTP, MongoDB wire server and Kafka: words and meaning, snippets with sections, files and
 * highlight offsets, filters, pages, "more like this", the visibility rules, and the index following writes made
 * here (at once) and elsewhere (through events). Every test uses a cohort of its own.
 */
class NoteSearchIntegrationTest extends PublicKnowledgeTestSupport {

    @Autowired
    SearchNotes searchNotes;
    @Autowired
    StoredThemeVectors vectors;
    @Autowired
    SentenceEmbedder embedder;
    @Autowired
    SearchSettings settings;

    private record Library(String id, String cohort) {
        String token() {
            return member(id, cohort);
        }
    }

    private static Library library(String cohort) {
        return new Library(newLibraryId(), cohort);
    }

    private String upload(Library library, String visibility, String title, String body, String date,
            List<String> segments, List<String> tags) throws Exception {
        Map<String, Object> note = validNote(library.id());
        note.put("cohortId", library.cohort());
        note.put("visibility", visibility);
        note.put("title", title);
        note.put("body", body);
        note.put("conversationDate", date);
        note.put("segments", segments);
        note.put("tags", tags);
        HttpResponse<String> response = send("POST", "/api/notes", library.token(), "application/json",
                JSON.writeValueAsBytes(note), null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response).get("id").asString();
    }

    private String upload(Library library, String visibility, String title, String body) throws Exception {
        return upload(library, visibility, title, body, "2025-05-01", List.of(), List.of());
    }

    private HttpResponse<String> search(String query, String token) throws Exception {
        return get("/api/notes/search?" + query, token);
    }

    private JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    private static String q(String text) {
        return "q=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }

    private static List<String> highlighted(JsonNode snippet) {
        List<String> words = new ArrayList<>();
        String text = snippet.get("text").asString();
        snippet.get("highlights").forEach(h -> words.add(text.substring(h.get("start").asInt(),
                h.get("end").asInt())));
        return words;
    }

    @Test
    void meaningFindsWhatWordsMissAndWordsAreStemmedWithSnippetsSectionsAndHighlights() throws Exception {
        String cohort = newCohortId();
        Library library = library(cohort);
        String daycare = upload(library, "cohort", "Parents at pickup",
                "Concerns: the daycare on Fifth closed, and two mothers had to quit their jobs.\n"
                        + "Actions: a new licensed provider in the old school.");
        String buses = upload(library, "cohort", "Riders", "Concerns: buses stop running at six in the evening.");
        upload(library, "cohort", "Garden club", "The garden club wants a seed library shelf by the door.");
        Library reader = library(cohort);

        JsonNode childCare = ok(search(q("child care"), reader.token()));
        assertThat(ids(childCare)).first().isEqualTo(daycare);
        assertThat(ids(childCare)).doesNotContain(buses);
        JsonNode snippet = childCare.get("items").get(0).get("snippets").get(0);
        assertThat(snippet.get("text").asString()).contains("daycare on Fifth closed");
        assertThat(snippet.get("section").asString()).isEqualTo("concerns");
        assertThat(snippet.get("file").isNull()).isTrue();

        JsonNode closing = ok(search(q("closing daycares"), reader.token()));
        assertThat(ids(closing)).first().isEqualTo(daycare);
        JsonNode first = closing.get("items").get(0).get("snippets").get(0);
        assertThat(highlighted(first)).containsExactly("daycare", "closed");
        assertThat(closing.get("items").get(0).get("title").asString()).isEqualTo("Parents at pickup");
    }

    @Test
    void attachmentTextIsSearchedAndItsSnippetNamesTheFile() throws Exception {
        Library library = library(newCohortId());
        Map<String, Object> note = validNote(library.id());
        note.put("cohortId", library.cohort());
        note.remove("body");
        byte[] minutes = ("Minutes of the Friends meeting\n\nFamilies east of the river have no wired internet at "
                + "home and park by the library after hours to use the Wi-Fi.").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> created = postMultipart(library.token(), new MultipartBody()
                .json("note", JSON.writeValueAsString(note))
                .file("files", "friends-minutes.md", "application/octet-stream", minutes));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json(created).get("id").asString();
        String attachmentId = json(created).get("attachments").get(0).get("id").asString();

        JsonNode page = ok(search(q("broadband at home"), library.token()));

        assertThat(ids(page)).containsExactly(id);
        JsonNode snippet = page.get("items").get(0).get("snippets").get(0);
        assertThat(snippet.get("text").asString()).contains("no wired internet at home");
        assertThat(snippet.get("file").asString()).isEqualTo("friends-minutes.md");
        assertThat(snippet.get("attachmentId").asString()).isEqualTo(attachmentId);
        assertThat(highlighted(snippet)).containsExactly("home");
    }

    @Test
    void aPrivateNoteNeverRanksCountsOrShowsOutsideItsLibraryAndLeavesAtOnceWhenMadePrivateOrDeleted()
            throws Exception {
        String cohort = newCohortId();
        Library owner = library(cohort);
        Library neighbour = library(cohort);
        String secret = upload(owner, "private", "Board members",
                "Concerns: the orchard festival lost its sponsor and may be cancelled.");
        String shared = upload(owner, "cohort", "Orchard growers",
                "Concerns: the orchard festival needs volunteers for parking.");

        JsonNode outside = ok(search(q("orchard festival sponsor"), neighbour.token()));
        assertThat(ids(outside)).containsExactly(shared);
        assertThat(outside.get("total").asLong()).isEqualTo(1);
        assertThat(outside.toString()).doesNotContain("sponsor and may be cancelled");
        assertThat(ids(ok(search(q("orchard festival sponsor"), owner.token())))).containsExactlyInAnyOrder(secret,
                shared);
        assertThat(ids(ok(search(q("orchard festival sponsor"), staffToken())))).contains(secret, shared);
        // More like this: the private note is no neighbour of anything outside its library, and is not found.
        assertThat(ids(ok(get("/api/notes/" + shared + "/similar", neighbour.token())))).doesNotContain(secret);
        assertProblem(get("/api/notes/" + secret + "/similar", neighbour.token()), 404);
        assertThat(ids(ok(get("/api/notes/" + shared + "/similar", owner.token())))).containsExactly(secret);

        // Made private through the API: gone for the neighbour in the very next search.
        HttpResponse<String> current = get("/api/notes/" + shared, owner.token());
        Map<String, Object> edit = validNote(owner.id());
        edit.put("cohortId", cohort);
        edit.put("title", "Orchard growers");
        edit.put("body", "Concerns: the orchard festival needs volunteers for parking.");
        edit.put("visibility", "private");
        HttpResponse<String> updated = send("PUT", "/api/notes/" + shared, owner.token(), "application/json",
                JSON.writeValueAsBytes(edit), current.headers().firstValue("ETag").orElseThrow());
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        JsonNode after = ok(search(q("orchard festival"), neighbour.token()));
        assertThat(ids(after)).isEmpty();
        assertThat(after.get("total").asLong()).isZero();

        HttpResponse<String> deleted = send("DELETE", "/api/notes/" + secret, owner.token(), null, null, null);
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(ids(ok(search(q("orchard festival sponsor"), owner.token())))).containsExactly(shared);
    }

    @Test
    void privateNotesDoNotChangeTheScoresOthersSee() throws Exception {
        String cohort = newCohortId();
        Library owner = library(cohort);
        Library neighbour = library(cohort);
        upload(owner, "cohort", "Ferry", "Concerns: the ferry schedule changed without notice.");
        JsonNode before = ok(search(q("ferry schedule"), neighbour.token()));
        for (int i = 0; i < 3; i++) {
            upload(owner, "private", "Ferry " + i, "Concerns: ferry ferry ferry tickets cost more.");
        }
        JsonNode after = ok(search(q("ferry schedule"), neighbour.token()));
        assertThat(after).isEqualTo(before);
    }

    @Test
    void filtersNarrowAndPagesAreStable() throws Exception {
        String cohort = newCohortId();
        Library one = library(cohort);
        Library two = library(cohort);
        String early = upload(one, "cohort", "Winter", "Concerns: propane heating costs too much in winter.\n"
                + "Actions: a heating fund at the church.", "2025-01-10", List.of("seniors"), List.of("heating"));
        String late = upload(one, "cohort", "Spring", "Concerns: heating oil prices rose again.", "2025-04-10",
                List.of("farmers"), List.of("heating"));
        String other = upload(two, "cohort", "Fuel", "Concerns: families choose between food and heating.",
                "2025-03-01", List.of("seniors"), List.of("food"));
        String token = two.token();
        String heating = q("heating costs");

        assertThat(ids(ok(search(heating, token)))).containsExactlyInAnyOrder(early, late, other);
        assertThat(ids(ok(search(heating + "&libraryId=" + one.id(), token)))).containsExactlyInAnyOrder(early, late);
        assertThat(ids(ok(search(heating + "&cohortId=" + cohort + "&from=2025-02-01&to=2025-03-31", token))))
                .containsExactly(other);
        assertThat(ids(ok(search(heating + "&segment=seniors", token)))).containsExactlyInAnyOrder(early, other);
        assertThat(ids(ok(search(heating + "&tag=heating", token)))).containsExactlyInAnyOrder(early, late);
        JsonNode actions = ok(search(q("heating fund") + "&section=actions", token));
        assertThat(ids(actions)).containsExactly(early);
        assertThat(actions.get("items").get(0).get("snippets")).allMatch(s -> s.get("section").asString()
                .equals("actions"));

        List<String> all = ids(ok(search(heating + "&size=100", token)));
        List<String> paged = new ArrayList<>();
        for (int page = 0; page < all.size(); page++) {
            JsonNode one1 = ok(search(heating + "&size=1&page=" + page, token));
            assertThat(one1.get("total").asLong()).isEqualTo(all.size());
            paged.addAll(ids(one1));
        }
        assertThat(paged).isEqualTo(all);
        assertThat(ids(ok(search(heating + "&size=1&page=" + all.size(), token)))).isEmpty();
    }

    @Test
    void badInputIsAProblemNamingTheParameterAndNoMatchIsAnEmptyPage() throws Exception {
        Library library = library(newCohortId());
        upload(library, "cohort", "Bus", "Concerns: the last bus leaves at six.");
        String token = library.token();

        HttpResponse<String> missing = search("", token);
        assertProblem(missing, 400);
        assertThat(errorFields(missing)).containsExactly("q");
        HttpResponse<String> blank = search("q=%20%20", token);
        assertProblem(blank, 400);
        assertThat(errorFields(blank)).containsExactly("q");
        HttpResponse<String> tooLong = search(q("b".repeat(501)), token);
        assertProblem(tooLong, 400);
        assertThat(errorFields(tooLong)).containsExactly("q");
        assertThat(search(q("b".repeat(500)), token).statusCode()).isEqualTo(200);
        HttpResponse<String> unknown = search(q("bus") + "&colour=red", token);
        assertProblem(unknown, 400);
        assertThat(errorFields(unknown)).containsExactly("colour");
        HttpResponse<String> section = search(q("bus") + "&section=summary", token);
        assertProblem(section, 400);
        assertThat(errorFields(section)).containsExactly("section");
        HttpResponse<String> dates = search(q("bus") + "&from=2025-05-01&to=2025-04-01", token);
        assertProblem(dates, 400);
        assertThat(errorFields(dates)).containsExactly("to");
        HttpResponse<String> size = search(q("bus") + "&size=0", token);
        assertProblem(size, 400);
        assertThat(errorFields(size)).containsExactly("size");
        HttpResponse<String> unknownOnSimilar = get("/api/notes/x/similar?q=bus", token);
        assertProblem(unknownOnSimilar, 400);
        assertThat(errorFields(unknownOnSimilar)).containsExactly("q");

        JsonNode nothing = ok(search(q("xylophone quartz zeppelin") + "&libraryId=" + library.id(), token));
        assertThat(nothing.get("items")).isEmpty();
        assertThat(nothing.get("total").asLong()).isZero();
    }

    @Test
    void notesWrittenElsewhereArriveThroughTheirEventsAndARebuildFindsEverything() throws Exception {
        String cohort = newCohortId();
        String libraryId = newLibraryId();
        // Written straight to MongoDB with its event, as another instance of the service would.
        String id = storeNote(libraryId, cohort, "cohort", "Flooding", "Concerns: basements flooded after the storm.",
                LocalDate.parse("2025-05-02"));
        String token = member(libraryId, cohort);
        await().atMost(WAIT).until(() -> ids(ok(search(q("water in the cellar"), token))).contains(id));

        SearchIndex fresh = new SearchIndex(searchNotes, vectors, embedder, settings);
        fresh.rebuild();
        NoteIndex rebuilt = fresh.index();
        assertThat(rebuilt.get(id)).isNotNull();
        assertThat(rebuilt.get(id).passages()).extracting(IndexedNote.Passage::text)
                .containsExactly("basements flooded after the storm.");
        assertThat(rebuilt.vectors(id).count()).isEqualTo(1);
    }
}
