package org.outward.catalog.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.outward.catalog.CatalogApplication;
import org.outward.contracts.DecodedEvent;
import org.outward.contracts.EventCodec;
import org.outward.contracts.Topics;
import org.outward.platform.test.TestMongo;
import org.outward.platform.test.TestTokens;
import org.outward.platform.test.TopicProbe;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one application context of the module's integration tests: the real service on a random port,
 * an in-process KRaft broker and the in-memory MongoDB wire server. Every test class extends this,
 * so the context (and the broker) start once per test run; tests keep out of each other's way by
 * using unique slugs, names and emails.
 */
@SpringBootTest(
        classes = {CatalogApplication.class, CatalogIntegrationTest.TestClockConfiguration.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            // One partition: the relay sends in order, so a later event proves an earlier one is not coming.
            "outward.kafka.partitions=1",
            "outward.outbox.poll-interval=50ms"
        })
@EmbeddedKafka(partitions = 1, brokerProperties = "group.initial.rebalance.delay.ms=0")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class CatalogIntegrationTest {

    public static final Instant START = Instant.parse("2026-03-02T15:00:00Z");

    protected static final JsonMapper JSON = JsonMapper.builder().build();
    protected static final Duration EVENT_TIMEOUT = Duration.ofSeconds(20);

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        TestMongo.register(registry); // a fresh database (URI and spring.mongodb.database) on the shared server
        TestTokens.register(registry); // trust the test token issuer
    }

    /** Pass as the Authorization header value to send no Authorization header at all. */
    public static final String NO_TOKEN = "<none>";

    /** Staff unless a test says otherwise: most tests are about the catalog, not about who may use it. */
    protected static final String STAFF = "Bearer " + TestTokens.staff();

    protected static String bearer(String token) {
        return "Bearer " + token;
    }

    private final java.util.Set<String> enrolled = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * The token of {@link TestTokens#member}'s person of the library, who is put on the library's team first (as
     * staff, once per test class): the service refuses anyone its roster does not know.
     */
    protected String memberOf(String libraryId, String cohortId) {
        if (enrolled.add(libraryId)) {
            ObjectNode body = object();
            body.put("name", "Member of " + libraryId);
            body.put("email", TestTokens.memberEmail(libraryId));
            Response added = post("/api/catalog/libraries/" + libraryId + "/members", body);
            if (added.status() != 201 && added.status() != 409) {
                throw new AssertionError("could not put a member on library " + libraryId + ": " + added.raw().body());
            }
        }
        return bearer(TestTokens.member(libraryId, cohortId));
    }

    /** A member of a new library in a new cohort. */
    protected String newMember() {
        ObjectNode cohort = object();
        cohort.put("name", "Cohort of a member");
        cohort.put("slug", unique("member-cohort"));
        cohort.put("startsOn", "2026-01-01");
        cohort.put("endsOn", "2026-12-31");
        String cohortId = post("/api/catalog/cohorts", cohort).json().path("id").asString();
        ObjectNode library = object();
        library.put("name", unique("Member library"));
        library.put("city", "Springfield");
        library.put("state", "IL");
        library.put("contactEmail", "director@example.org");
        library.put("timeZone", "America/Chicago");
        String libraryId = post("/api/catalog/cohorts/" + cohortId + "/libraries", library).json().path("id").asString();
        return memberOf(libraryId, cohortId);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class TestClockConfiguration {

        @Bean
        MutableClock clock() {
            return new MutableClock(START);
        }
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected MongoTemplate mongo;

    @Autowired
    protected EventCodec codec;

    @Autowired
    protected MutableClock clock;

    @Autowired
    protected EmbeddedKafkaBroker broker;

    private TopicProbe probe;

    @AfterAll
    void closeProbe() {
        if (probe != null) {
            probe.close();
        }
    }

    /** Unique per call, so tests sharing the database never clash. */
    protected static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    // ---- HTTP ----

    public record Response(int status, HttpResponse<String> raw) {

        public JsonNode json() {
            return JSON.readTree(raw.body());
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }

        /** The fields named in a problem's errors array. */
        public List<String> errorFields() {
            List<String> fields = new ArrayList<>();
            json().path("errors").forEach(error -> fields.add(error.path("field").asString()));
            return fields;
        }
    }

    protected Response post(String path, Object body, String... headers) {
        String json = body instanceof String text ? text : JSON.writeValueAsString(body);
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), headers);
    }

    protected Response postEmpty(String path, String... headers) {
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody()), headers);
    }

    protected Response put(String path, Object body, String... headers) {
        String json = body instanceof String text ? text : JSON.writeValueAsString(body);
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)), headers);
    }

    protected Response putEmpty(String path, String... headers) {
        return send(HttpRequest.newBuilder(uri(path)).PUT(HttpRequest.BodyPublishers.noBody()), headers);
    }

    protected Response delete(String path, String... headers) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE(), headers);
    }

    protected Response get(String path, String... headers) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), headers);
    }

    /** Any method, any body (null for none): for the authorization matrix. */
    protected Response request(String method, String path, Object body, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path));
        if (body == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", "application/json").method(method,
                    HttpRequest.BodyPublishers.ofString(body instanceof String t ? t : JSON.writeValueAsString(body)));
        }
        return send(builder, headers);
    }

    /** Sends with a staff token and JSON Accept unless the headers say otherwise. */
    private Response send(HttpRequest.Builder builder, String... headers) {
        builder.setHeader("Accept", "application/json, application/problem+json");
        String authorization = STAFF;
        for (int i = 0; i + 1 < headers.length; i += 2) {
            if (headers[i].equalsIgnoreCase("Authorization")) {
                authorization = headers[i + 1];
            } else {
                builder.setHeader(headers[i], headers[i + 1]);
            }
        }
        if (!NO_TOKEN.equals(authorization)) {
            builder.setHeader("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = HTTP.send(builder.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** Asserts an RFC 9457 problem with the given status that names exactly these fields (any order). */
    protected static void assertProblem(Response response, int status, String... fields) {
        assertThat(response.status()).as(response.raw().body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode body = response.json();
        assertThat(body.path("status").asInt()).isEqualTo(status);
        assertThat(body.path("requestId").asString()).as(response.raw().body()).isNotBlank();
        assertThat(response.errorFields()).containsExactlyInAnyOrder(fields);
    }

    protected static ObjectNode object() {
        return JSON.createObjectNode();
    }

    // ---- Kafka ----

    /** Waits for {@code count} records with this key on the catalog topics and decodes them all. */
    protected List<DecodedEvent<?>> awaitEvents(String key, int count) {
        List<ConsumerRecord<String, String>> records = probe().await(r -> key.equals(r.key()), count, EVENT_TIMEOUT);
        assertThat(records).as("records with key %s", key).hasSizeGreaterThanOrEqualTo(count);
        return records.stream().<DecodedEvent<?>>map(r -> codec.decode(r.value())).toList();
    }

    /** Every record with this key seen so far (after any await). */
    protected List<ConsumerRecord<String, String>> recordsSeen(String key) {
        return probe().await(r -> key.equals(r.key()), Integer.MAX_VALUE, Duration.ZERO);
    }

    protected TopicProbe probe() {
        if (probe == null) {
            probe = new TopicProbe(broker.getBrokersAsString(), Topics.CATALOG_WEBINARS, Topics.CATALOG_ROSTER,
                    Topics.CATALOG_SESSIONS, Topics.CATALOG_PROGRESS);
        }
        return probe;
    }
}
