package org.outward.catalog.webinar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.outward.catalog.support.CatalogIntegrationTest;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class WebinarApiTest extends CatalogIntegrationTest {

    @Test
    void createsADraftWebinar() {
        Instant now = Instant.parse("2026-03-05T09:30:00.123Z");
        clock.set(now);
        String slug = unique("intro");

        Response created = post("/api/catalog/webinars", WebinarRequests.valid(slug));

        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        JsonNode view = created.json();
        String id = view.path("id").asString();
        assertThat(created.header("Location")).isEqualTo("/api/catalog/webinars/" + id);
        assertThat(view.path("slug").asString()).isEqualTo(slug);
        assertThat(view.path("title").asString()).isEqualTo("Turning Outward: an introduction");
        assertThat(view.path("summary").asString()).startsWith("How to turn outward");
        assertThat(view.path("topics")).extracting(JsonNode::asString)
                .containsExactly("turning-outward", "community-conversations");
        assertThat(view.path("seriesPosition").asInt()).isEqualTo(1);
        assertThat(view.path("durationMinutes").asInt()).isEqualTo(60);
        assertThat(view.path("recordings").get(0).path("label").asString()).isEqualTo("YouTube");
        assertThat(view.path("recordings").get(0).path("url").asString())
                .isEqualTo("https://www.youtube.com/watch?v=abc123");
        assertThat(view.path("resources")).extracting(r -> r.path("kind").asString())
                .containsExactly("worksheet", "facilitator-guide");
        assertThat(view.path("sampleFields")).extracting(JsonNode::asString)
                .containsExactly("durationMinutes", "recordings");
        assertThat(view.path("status").asString()).isEqualTo("draft");
        assertThat(view.path("version").asLong()).isEqualTo(1);
        assertThat(Instant.parse(view.path("createdAt").asString())).isEqualTo(now);
        assertThat(Instant.parse(view.path("updatedAt").asString())).isEqualTo(now);
        assertThat(view.path("publishedAt").isNull()).isTrue();

        Document stored = mongo.findById(id, Document.class, "webinars");
        assertThat(stored).isNotNull();
        assertThat(stored.getString("slug")).isEqualTo(slug);
        assertThat(stored.getString("status")).isEqualTo("draft");
        assertThat(stored.getDate("createdAt")).isEqualTo(Date.from(now));
        assertThat(stored.getList("outbox", Document.class, List.of()))
                .as("a draft is not announced").isEmpty();

        Response fetched = get("/api/catalog/webinars/" + id);
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.json()).isEqualTo(view);
    }

    @Test
    void listsMayBeLeftOut() {
        ObjectNode body = WebinarRequests.valid(unique("bare"));
        body.remove("topics");
        body.remove("recordings");
        body.remove("resources");
        body.remove("sampleFields");

        Response created = post("/api/catalog/webinars", body);

        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        assertThat(created.json().path("topics").size()).isZero();
        assertThat(created.json().path("recordings").size()).isZero();
        assertThat(created.json().path("resources").size()).isZero();
        assertThat(created.json().path("sampleFields").size()).isZero();
    }

    @Test
    void namesEveryInvalidField() {
        ObjectNode body = WebinarRequests.valid("Not A Slug");
        body.put("title", " ");
        body.remove("summary");
        body.putArray("topics").add("");
        body.put("seriesPosition", 0);
        body.put("durationMinutes", 601);
        body.putArray("recordings").addObject().put("label", "Vimeo").put("url", "ftp://example.org/video");
        body.putArray("resources").addObject().put("title", "").put("kind", "slides").put("url", "javascript:alert(1)");
        body.putArray("sampleFields").add("nonsense");

        Response response = post("/api/catalog/webinars", body);

        assertProblem(response, 400, "title", "slug", "summary", "topics[0]", "seriesPosition", "durationMinutes",
                "recordings[0].url", "resources[0].title", "resources[0].url", "sampleFields[0]");
        assertThat(mongo.count(Query.query(Criteria.where("title").is(" ")), "webinars")).isZero();
    }

    @Test
    void rejectsOutOfRangeNumbersAtTheOtherEnd() {
        ObjectNode body = WebinarRequests.valid(unique("range"));
        body.put("seriesPosition", 100);
        body.put("durationMinutes", 0);

        assertProblem(post("/api/catalog/webinars", body), 400, "seriesPosition", "durationMinutes");
    }

    @Test
    void rejectsAMissingBodyAndNullListElements() {
        assertProblem(postEmpty("/api/catalog/webinars", "Content-Type", "application/json"), 400);

        ObjectNode body = WebinarRequests.valid(unique("nulls"));
        body.putArray("recordings").addNull();
        assertProblem(post("/api/catalog/webinars", body), 400, "recordings[0]");
    }

    @Test
    void rejectsAnUnknownResourceKind() {
        ObjectNode body = WebinarRequests.valid(unique("kind"));
        body.putArray("resources").addObject().put("title", "Poster").put("kind", "poster")
                .put("url", "https://example.org/poster.pdf");

        Response response = post("/api/catalog/webinars", body);

        assertProblem(response, 400, "resources[0].kind");
    }

    @Test
    void rejectsAWrongType() {
        ObjectNode body = WebinarRequests.valid(unique("type"));
        body.put("seriesPosition", "first");

        assertProblem(post("/api/catalog/webinars", body), 400, "seriesPosition");
    }

    @Test
    void rejectsMalformedJson() {
        Response response = post("/api/catalog/webinars", "{this is not json");

        assertProblem(response, 400);
        assertThat(response.json().path("title").asString()).isEqualTo("Malformed request body");
    }

    @Test
    void refusesADuplicateSlug() {
        String slug = unique("twice");
        assertThat(post("/api/catalog/webinars", WebinarRequests.valid(slug)).status()).isEqualTo(201);

        Response again = post("/api/catalog/webinars", WebinarRequests.valid(slug, 2, "Another title"));

        assertProblem(again, 409, "slug");
        assertThat(mongo.count(Query.query(Criteria.where("slug").is(slug)), "webinars"))
                .isEqualTo(1);
    }

    @Test
    void publishesADraft() {
        clock.set(Instant.parse("2026-03-06T10:00:00Z"));
        String id = post("/api/catalog/webinars", WebinarRequests.valid(unique("pub"))).json().path("id").asString();
        Instant publishedAt = clock.advance(Duration.ofHours(2));

        Response published = postEmpty("/api/catalog/webinars/" + id + "/publish");

        assertThat(published.status()).as(published.raw().body()).isEqualTo(200);
        JsonNode view = published.json();
        assertThat(view.path("status").asString()).isEqualTo("published");
        assertThat(view.path("version").asLong()).isEqualTo(2);
        assertThat(Instant.parse(view.path("publishedAt").asString())).isEqualTo(publishedAt);
        assertThat(Instant.parse(view.path("updatedAt").asString())).isEqualTo(publishedAt);
        assertThat(Instant.parse(view.path("createdAt").asString())).isEqualTo(Instant.parse("2026-03-06T10:00:00Z"));
        assertThat(get("/api/catalog/webinars/" + id).json()).isEqualTo(view);

        Document stored = mongo.findById(id, Document.class, "webinars");
        assertThat(stored.getString("status")).isEqualTo("published");
        assertThat(((Number) stored.get("version")).longValue()).isEqualTo(2);
    }

    @Test
    void publishingTwiceChangesNothingTheSecondTime() {
        String id = post("/api/catalog/webinars", WebinarRequests.valid(unique("again"))).json().path("id").asString();
        JsonNode first = postEmpty("/api/catalog/webinars/" + id + "/publish").json();
        clock.advance(Duration.ofDays(1));

        Response second = postEmpty("/api/catalog/webinars/" + id + "/publish");

        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json()).isEqualTo(first);
        assertThat(second.json().path("version").asLong()).isEqualTo(2);
    }

    @Test
    void unknownWebinarsAreNotFound() {
        assertProblem(get("/api/catalog/webinars/no-such-id"), 404);
        assertProblem(postEmpty("/api/catalog/webinars/no-such-id/publish"), 404);
    }
}
