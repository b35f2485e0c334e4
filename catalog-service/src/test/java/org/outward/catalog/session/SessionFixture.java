package org.outward.catalog.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.outward.catalog.support.CatalogIntegrationTest;
import org.outward.platform.test.TestTokens;
import tools.jackson.databind.node.ObjectNode;

/** A cohort with libraries and people, published webinars, and helpers for sessions, tokens and CSV uploads. */
abstract class SessionFixture extends CatalogIntegrationTest {

    private static final HttpClient UPLOADS = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A person of the roster with a token of their own. */
    record Person(String id, String email, String libraryId, String cohortId, String token) {
    }

    protected String cohort(String startsOn, String endsOn) {
        ObjectNode body = object();
        body.put("name", "Sessions " + unique("cohort"));
        body.put("slug", unique("sessions"));
        body.put("startsOn", startsOn);
        body.put("endsOn", endsOn);
        Response created = post("/api/catalog/cohorts", body);
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    protected String library(String cohortId, String timeZone) {
        ObjectNode body = object();
        body.put("name", "Library " + unique("lib"));
        body.put("city", "Springfield");
        body.put("state", "IL");
        body.put("contactEmail", "director@example.org");
        body.put("timeZone", timeZone);
        Response created = post("/api/catalog/cohorts/" + cohortId + "/libraries", body);
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    protected Person person(String libraryId, String cohortId) {
        String email = unique("person") + "@library.test";
        ObjectNode body = object();
        body.put("name", "Person " + email);
        body.put("email", email);
        Response created = post("/api/catalog/libraries/" + libraryId + "/members", body);
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        String token = bearer(TestTokens.builder().subject("user-" + UUID.randomUUID()).email(email)
                .roles("library-member").library(libraryId).cohort(cohortId).sign());
        return new Person(created.json().path("id").asString(), email, libraryId, cohortId, token);
    }

    protected String publishedWebinar() {
        String slug = unique("live");
        ObjectNode body = object();
        body.put("title", "Live " + slug);
        body.put("slug", slug);
        body.put("summary", "Summary.");
        body.put("seriesPosition", 1);
        body.put("durationMinutes", 60);
        Response created = post("/api/catalog/webinars", body);
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        String id = created.json().path("id").asString();
        assertThat(postEmpty("/api/catalog/webinars/" + id + "/publish").status()).isEqualTo(200);
        return id;
    }

    protected static ObjectNode sessionBody(String cohortId, String start, int minutes, String zone, Integer capacity) {
        ObjectNode body = object();
        if (cohortId != null) {
            body.put("cohortId", cohortId);
        }
        body.put("start", start);
        body.put("durationMinutes", minutes);
        body.put("timeZone", zone);
        body.put("joinUrl", "https://meet.example.org/outward");
        if (capacity != null) {
            body.put("capacity", capacity);
        }
        return body;
    }

    protected Response schedule(String webinarId, ObjectNode body) {
        return post("/api/catalog/webinars/" + webinarId + "/sessions", body);
    }

    protected String scheduled(String webinarId, ObjectNode body) {
        Response created = schedule(webinarId, body);
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    /** POSTs the bytes as the multipart field "file" (text/csv), with a staff token. */
    protected Response upload(String path, byte[] csv) {
        String boundary = "----outward" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(csv);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", STAFF)
                .header("Accept", "application/json, application/problem+json")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        try {
            HttpResponse<String> response = UPLOADS.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected static byte[] csv(String... lines) {
        return (String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    protected static List<String> strings(Iterable<tools.jackson.databind.JsonNode> nodes, String field) {
        List<String> values = new ArrayList<>();
        nodes.forEach(node -> values.add(node.path(field).asString()));
        return values;
    }
}
