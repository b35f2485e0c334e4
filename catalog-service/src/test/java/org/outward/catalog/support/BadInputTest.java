package org.outward.catalog.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Errors common to every endpoint with a body: too large (413), not JSON (400), wrong media type (415). */
class BadInputTest extends CatalogIntegrationTest {

    private static final int LIMIT = 256 * 1024;

    private String webinarBody(String slug, String summary) {
        ObjectNode body = object();
        body.put("title", "Big");
        body.put("slug", slug);
        body.put("summary", summary);
        body.put("seriesPosition", 1);
        body.put("durationMinutes", 60);
        return JSON.writeValueAsString(body);
    }

    @Test
    void aBodyOverTheLimitIs413() {
        String slug = unique("big");
        String body = webinarBody(slug, "x".repeat(LIMIT));

        Response response = post("/api/catalog/webinars", body);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("status").asInt()).isEqualTo(413);
        assertThat(mongo.count(Query.query(Criteria.where("slug").is(slug)), "webinars")).isZero();
    }

    @Test
    void aChunkedBodyOverTheLimitIs413TooAndOneUnderItPasses() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String bigSlug = unique("chunked");
        byte[] big = webinarBody(bigSlug, "x".repeat(LIMIT)).getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/catalog/webinars"))
                .header("Content-Type", "application/json").header("Authorization", STAFF)
                // an InputStream of unknown length is sent chunked
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(mongo.count(Query.query(Criteria.where("slug").is(bigSlug)), "webinars")).isZero();

        byte[] small = webinarBody(unique("chunked"), "A summary.").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/catalog/webinars"))
                .header("Content-Type", "application/json").header("Authorization", STAFF)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(small))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
    }

    @Test
    void malformedJsonIs400OnEveryEndpointWithABody() {
        String cohortId = post("/api/catalog/cohorts", cohortBody()).json().path("id").asString();
        ObjectNode library = object();
        library.put("name", unique("Lib"));
        library.put("city", "Springfield");
        library.put("state", "IL");
        library.put("contactEmail", "a@example.org");
        library.put("timeZone", "UTC");
        String libraryId = post("/api/catalog/cohorts/" + cohortId + "/libraries", library).json()
                .path("id").asString();
        String webinarId = post("/api/catalog/webinars", webinarBody(unique("mal"), "S.")).json()
                .path("id").asString();

        for (String path : List.of("/api/catalog/webinars", "/api/catalog/webinars/reorder", "/api/catalog/cohorts",
                "/api/catalog/cohorts/" + cohortId + "/libraries", "/api/catalog/libraries/" + libraryId + "/members",
                "/api/catalog/staff")) {
            Response response = post(path, "{\"name\": ");
            assertProblem(response, 400);
            assertThat(response.json().path("title").asString()).as(path).isEqualTo("Malformed request body");
        }
        assertProblem(put("/api/catalog/webinars/" + webinarId, "[", "If-Match", "\"1\""), 400);
    }

    @Test
    void unknownEnumValuesAndWrongTypesName400Fields() {
        ObjectNode body = object();
        body.put("title", "T");
        body.put("slug", unique("enum"));
        body.put("summary", "S");
        body.put("seriesPosition", 1);
        body.put("durationMinutes", 60);
        body.putArray("resources").addObject().put("title", "P").put("kind", "poster").put("url", "https://e.org");
        assertProblem(post("/api/catalog/webinars", body), 400, "resources[0].kind");

        ObjectNode cohort = cohortBody();
        cohort.put("startsOn", "the first of May");
        assertProblem(post("/api/catalog/cohorts", cohort), 400, "startsOn");
    }

    @Test
    void aBodyThatIsNotJsonIs415() {
        Response response = post("/api/catalog/cohorts", "name=x", "Content-Type", "application/x-www-form-urlencoded");
        assertThat(response.status()).isEqualTo(415);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void cohortsValidateEveryField() {
        ObjectNode body = cohortBody();
        body.put("name", "");
        body.put("slug", "Not A Slug");
        body.put("endsOn", "2026-01-01");
        body.put("startsOn", "2026-02-01");
        Response response = post("/api/catalog/cohorts", body);
        assertProblem(response, 400, "name", "slug", "endsOn");
        JsonNode errors = response.json().path("errors");
        assertThat(errors.size()).isEqualTo(3);
    }

    private ObjectNode cohortBody() {
        ObjectNode body = object();
        body.put("name", "Cohort");
        body.put("slug", unique("bad"));
        body.put("startsOn", "2026-01-01");
        body.put("endsOn", "2027-06-30");
        return body;
    }
}
