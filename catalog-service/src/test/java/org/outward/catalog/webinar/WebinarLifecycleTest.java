package org.outward.catalog.webinar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.outward.catalog.support.CatalogIntegrationTest;
import org.outward.platform.search.SearchAnalyzer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Editing with ETag / If-Match, archiving, publishing again, reordering, and what members may see. */
class WebinarLifecycleTest extends CatalogIntegrationTest {

    private JsonNode create(String slug, int position) {
        Response created = post("/api/catalog/webinars", WebinarRequests.valid(slug, position, "Title " + slug));
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        assertThat(created.header("ETag")).isEqualTo("\"1\"");
        return created.json();
    }

    private String publish(String id) {
        Response published = postEmpty("/api/catalog/webinars/" + id + "/publish");
        assertThat(published.status()).as(published.raw().body()).isEqualTo(200);
        return published.header("ETag");
    }

    @Test
    void readsCarryTheVersionAsETag() {
        String id = create(unique("etag"), 1).path("id").asString();
        assertThat(get("/api/catalog/webinars/" + id).header("ETag")).isEqualTo("\"1\"");
        assertThat(publish(id)).isEqualTo("\"2\"");
        assertThat(get("/api/catalog/webinars/" + id).header("ETag")).isEqualTo("\"2\"");
    }

    @Test
    void editsWithIfMatch() {
        clock.set(Instant.parse("2026-05-01T08:00:00Z"));
        String slug = unique("edit");
        String id = create(slug, 4).path("id").asString();
        Instant editedAt = clock.advance(Duration.ofMinutes(30));
        ObjectNode body = WebinarRequests.valid(slug + "-renamed", 5, "A better title");
        body.putArray("topics").add("facilitation");
        body.put("durationMinutes", 45);

        Response edited = put("/api/catalog/webinars/" + id, body, "If-Match", "\"1\"");

        assertThat(edited.status()).as(edited.raw().body()).isEqualTo(200);
        assertThat(edited.header("ETag")).isEqualTo("\"2\"");
        JsonNode view = edited.json();
        assertThat(view.path("slug").asString()).isEqualTo(slug + "-renamed");
        assertThat(view.path("title").asString()).isEqualTo("A better title");
        assertThat(view.path("topics")).extracting(JsonNode::asString).containsExactly("facilitation");
        assertThat(view.path("seriesPosition").asInt()).isEqualTo(5);
        assertThat(view.path("durationMinutes").asInt()).isEqualTo(45);
        assertThat(view.path("status").asString()).isEqualTo("draft");
        assertThat(view.path("version").asLong()).isEqualTo(2);
        assertThat(Instant.parse(view.path("updatedAt").asString())).isEqualTo(editedAt);
        assertThat(Instant.parse(view.path("createdAt").asString())).isEqualTo(Instant.parse("2026-05-01T08:00:00Z"));
        assertThat(get("/api/catalog/webinars/" + id).json()).isEqualTo(view);
        Document stored = mongo.findById(id, Document.class, "webinars");
        assertThat(stored.getList("searchTerms", String.class))
                .containsAll(SearchAnalyzer.terms("better facilitation"))
                .as("the old title's words are gone").doesNotContain("edit");
    }

    @Test
    void ifMatchStarMeansAnyVersion() {
        String slug = unique("star");
        String id = create(slug, 1).path("id").asString();
        publish(id);

        Response edited = put("/api/catalog/webinars/" + id, WebinarRequests.valid(slug, 1, "Starred"),
                "If-Match", "*");

        assertThat(edited.status()).as(edited.raw().body()).isEqualTo(200);
        assertThat(edited.json().path("version").asLong()).isEqualTo(3);
    }

    @Test
    void editWithoutIfMatchIs428AndChangesNothing() {
        String id = create(unique("noif"), 1).path("id").asString();

        Response response = put("/api/catalog/webinars/" + id, WebinarRequests.valid(unique("other")));

        assertProblem(response, 428, "If-Match");
        assertThat(get("/api/catalog/webinars/" + id).json().path("version").asLong()).isEqualTo(1);
    }

    @Test
    void editWithAStaleVersionIs412AndChangesNothing() {
        String slug = unique("stale");
        String id = create(slug, 1).path("id").asString();
        publish(id);

        assertProblem(put("/api/catalog/webinars/" + id, WebinarRequests.valid(slug, 1, "Lost update"),
                "If-Match", "\"1\""), 412);
        assertProblem(put("/api/catalog/webinars/" + id, WebinarRequests.valid(slug, 1, "Lost update"),
                "If-Match", "not-an-etag"), 412);
        assertProblem(postEmpty("/api/catalog/webinars/" + id + "/archive", "If-Match", "\"1\""), 412);
        assertProblem(postEmpty("/api/catalog/webinars/" + id + "/publish", "If-Match", "\"1\""), 412);

        JsonNode current = get("/api/catalog/webinars/" + id).json();
        assertThat(current.path("title").asString()).isEqualTo("Title " + slug);
        assertThat(current.path("status").asString()).isEqualTo("published");
        assertThat(current.path("version").asLong()).isEqualTo(2);
    }

    @Test
    void editValidatesEveryFieldAndRefusesATakenSlug() {
        String taken = unique("taken");
        create(taken, 1);
        String id = create(unique("mine"), 1).path("id").asString();

        ObjectNode bad = WebinarRequests.valid(unique("mine"));
        bad.put("title", "");
        bad.put("durationMinutes", 0);
        bad.putArray("topics").add("knitting");
        assertProblem(put("/api/catalog/webinars/" + id, bad, "If-Match", "\"1\""), 400,
                "title", "durationMinutes", "topics[0]");
        assertProblem(put("/api/catalog/webinars/" + id, WebinarRequests.valid(taken), "If-Match", "\"1\""), 409,
                "slug");
        assertProblem(put("/api/catalog/webinars/" + id, "{oops", "If-Match", "\"1\""), 400);
        assertProblem(put("/api/catalog/webinars/no-such-id", WebinarRequests.valid(unique("x")), "If-Match", "\"1\""),
                404);
        assertThat(get("/api/catalog/webinars/" + id).json().path("version").asLong()).isEqualTo(1);
    }

    @Test
    void resourceKeysStayStableAcrossEdits() {
        String slug = unique("keys");
        JsonNode created = create(slug, 1);
        String id = created.path("id").asString();
        assertThat(created.path("resources")).extracting(r -> r.path("key").asString())
                .containsExactly("ask-exercise-worksheet", "facilitator-guide");

        ObjectNode body = WebinarRequests.valid(slug);
        var resources = body.putArray("resources");
        resources.addObject().put("title", "Facilitator guide (2nd edition)").put("kind", "facilitator-guide")
                .put("url", "http://example.org/guide.pdf");
        resources.addObject().put("title", "Slides").put("kind", "slides").put("url", "https://example.org/s.pdf");
        resources.addObject().put("key", "custom-key").put("title", "Slides").put("kind", "slides")
                .put("url", "https://example.org/s2.pdf");

        Response edited = put("/api/catalog/webinars/" + id, body, "If-Match", "\"1\"");

        assertThat(edited.status()).as(edited.raw().body()).isEqualTo(200);
        assertThat(edited.json().path("resources")).extracting(r -> r.path("key").asString())
                .as("same url keeps its key, a new one gets one from its title, a given one is kept")
                .containsExactly("facilitator-guide", "slides", "custom-key");
    }

    @Test
    void archivesAndPublishesAgain() {
        clock.set(Instant.parse("2026-06-01T10:00:00Z"));
        String id = create(unique("arch"), 1).path("id").asString();
        publish(id);
        Instant archivedAt = clock.advance(Duration.ofDays(1));

        Response archived = postEmpty("/api/catalog/webinars/" + id + "/archive", "If-Match", "\"2\"");

        assertThat(archived.status()).as(archived.raw().body()).isEqualTo(200);
        assertThat(archived.header("ETag")).isEqualTo("\"3\"");
        assertThat(archived.json().path("status").asString()).isEqualTo("archived");
        assertThat(Instant.parse(archived.json().path("archivedAt").asString())).isEqualTo(archivedAt);

        Response again = postEmpty("/api/catalog/webinars/" + id + "/archive");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).as("archiving twice changes nothing").isEqualTo(archived.json());

        assertProblem(put("/api/catalog/webinars/" + id, WebinarRequests.valid(unique("z")), "If-Match", "\"3\""), 409,
                "status");

        Response republished = postEmpty("/api/catalog/webinars/" + id + "/publish");
        assertThat(republished.json().path("status").asString()).isEqualTo("published");
        assertThat(republished.json().path("version").asLong()).isEqualTo(4);
        assertThat(republished.json().path("archivedAt").isNull()).isTrue();
        assertProblem(postEmpty("/api/catalog/webinars/no-such-id/archive"), 404);
    }

    @Test
    void membersSeePublishedWebinarsOnly() {
        String member = newMember();
        String draft = create(unique("mdraft"), 1).path("id").asString();
        String published = create(unique("mpub"), 1).path("id").asString();
        publish(published);
        String archived = create(unique("march"), 1).path("id").asString();
        publish(archived);
        assertThat(postEmpty("/api/catalog/webinars/" + archived + "/archive").status()).isEqualTo(200);

        assertThat(get("/api/catalog/webinars/" + published, "Authorization", member).status()).isEqualTo(200);
        assertProblem(get("/api/catalog/webinars/" + draft, "Authorization", member), 404);
        assertProblem(get("/api/catalog/webinars/" + archived, "Authorization", member), 404);
        assertThat(get("/api/catalog/webinars", "Authorization", member).status()).isEqualTo(200);
        assertProblem(get("/api/catalog/webinars?status=draft", "Authorization", member), 403);
        assertProblem(get("/api/catalog/webinars?status=all", "Authorization", member), 403);
    }

    @Test
    void reordersTheSeries() {
        String a = create(unique("ra"), 1).path("id").asString();
        String b = create(unique("rb"), 2).path("id").asString();
        String c = create(unique("rc"), 3).path("id").asString();
        ObjectNode body = object();
        body.putArray("ids").add(c).add(a).add(b);

        Response reordered = post("/api/catalog/webinars/reorder", body);

        assertThat(reordered.status()).as(reordered.raw().body()).isEqualTo(200);
        assertThat(reordered.json().valueStream().map(w -> w.path("id").asString()).toList()).containsExactly(c, a, b);
        assertThat(reordered.json().valueStream().map(w -> w.path("seriesPosition").asInt()).toList())
                .containsExactly(1, 2, 3);
        assertThat(get("/api/catalog/webinars/" + c).json().path("seriesPosition").asInt()).isEqualTo(1);
        assertThat(get("/api/catalog/webinars/" + c).json().path("version").asLong()).isEqualTo(2);
        assertThat(get("/api/catalog/webinars/" + b).json().path("seriesPosition").asInt()).isEqualTo(3);
    }

    @Test
    void refusesABadReorder() {
        String a = create(unique("rx"), 1).path("id").asString();
        ObjectNode twice = object();
        twice.putArray("ids").add(a).add(a);
        ObjectNode unknown = object();
        unknown.putArray("ids").add("no-such-id");
        ObjectNode empty = object();
        empty.putArray("ids");
        ObjectNode blank = object();
        blank.putArray("ids").add(" ");

        assertProblem(post("/api/catalog/webinars/reorder", twice), 400, "ids");
        assertProblem(post("/api/catalog/webinars/reorder", unknown), 400, "ids[0]");
        assertProblem(post("/api/catalog/webinars/reorder", empty), 400, "ids");
        assertProblem(post("/api/catalog/webinars/reorder", blank), 400, "ids[0]");
        assertProblem(post("/api/catalog/webinars/reorder", "[1,"), 400);
        assertThat(get("/api/catalog/webinars/" + a).json().path("version").asLong()).isEqualTo(1);
    }

    @Test
    void listsTheControlledTopics() {
        Response topics = get("/api/catalog/topics");
        assertThat(topics.status()).isEqualTo(200);
        List<String> all = topics.json().valueStream().map(JsonNode::asString).toList();
        assertThat(all).contains("community-conversations", "facilitation", "note-taking", "public-knowledge",
                "themes", "partnerships", "calibration", "community-stages", "action", "strategy", "momentum", "demo");
    }
}
