package org.outward.notes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.outward.platform.roster.RosterMirror;
import org.outward.platform.test.TestMongo;
import org.outward.platform.test.TestRoster;
import org.outward.platform.test.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.outward.notes.theme.TestEmbedder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole service in process: real HTTP on a random port, in-process KRaft Kafka and the
 * mongo-java-server wire server. Subclasses share one application context (same configuration),
 * so every test uses libraries of its own instead of cleaning up.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(partitions = 1)
@Import({TestClockConfiguration.class, FlakyTextExtractor.Configuration.class})
public abstract class NotesIntegrationTest {

    /** "Now" in every integration test unless a test sets it: 12:00 UTC, so 2025-06-16 is already today at UTC+14. */
    protected static final Instant NOW = Instant.parse("2025-06-15T12:00:00Z");
    protected static final MutableClock CLOCK = new MutableClock(NOW);
    protected static final JsonMapper JSON = JsonMapper.builder().build();

    /** The cohort of {@link #validNote}; tokens of {@link #memberOf} belong to it. */
    protected static final String COHORT = "cohort-2025";
    /** Attachment limits in tests: small, so oversize uploads stay quick. */
    protected static final int MAX_FILE = 2 * 1024 * 1024;
    protected static final int MAX_REQUEST = 3 * 1024 * 1024;

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        TestMongo.register(registry);
        TestTokens.register(registry);
        registry.add("spring.servlet.multipart.max-file-size", () -> MAX_FILE + "B");
        registry.add("spring.servlet.multipart.max-request-size", () -> MAX_REQUEST + "B");
        // Background jobs stay out of the way; tests run them by calling NoteMaintenance.
        registry.add("outward.notes.extraction.retry-interval", () -> "PT1H");
        registry.add("outward.notes.orphans.sweep-interval", () -> "PT1H");
        // The JVM's one embedding model: the same native folder as the tests that use it directly.
        registry.add("outward.themes.model.native-dir", TestEmbedder.NATIVE_DIR::toString);
    }

    /**
     * Set from the context before each test (static, so the many static token helpers can use it): the service
     * refuses library members its roster mirror does not know.
     */
    private static TestRoster roster;

    @Autowired
    void roster(RosterMirror mirror) {
        roster = new TestRoster(mirror);
    }

    /** A library member's bearer token for the library, in {@link #COHORT}; the member is put on the roster. */
    protected static String memberOf(String libraryId) {
        return memberOf(libraryId, COHORT);
    }

    /** A library member's bearer token for the library, in that cohort; the member is put on the roster. */
    protected static String memberOf(String libraryId, String cohortId) {
        return "Bearer " + roster.member(libraryId, cohortId);
    }

    protected static String staff() {
        return "Bearer " + TestTokens.staff();
    }

    @LocalServerPort
    protected int port;
    @Autowired
    protected MongoTemplate mongo;
    @Autowired
    protected EmbeddedKafkaBroker kafka;

    protected final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void resetClock() {
        CLOCK.set(NOW);
    }

    protected static String newLibraryId() {
        return "lib-" + UUID.randomUUID();
    }

    /** A valid upload body; tests change single fields. */
    protected static Map<String, Object> validNote(String libraryId) {
        Map<String, Object> note = new LinkedHashMap<>();
        note.put("libraryId", libraryId);
        note.put("cohortId", "cohort-2025");
        note.put("title", "Kitchen-table conversation at the branch");
        note.put("body", "# What we heard\n\nPeople want **safer walking routes** to the library.");
        note.put("conversationDate", "2025-06-10");
        note.put("place", "Eastside branch, meeting room B");
        note.put("facilitator", "Dana Reyes");
        note.put("participants", 14);
        note.put("segments", List.of("seniors", "new residents"));
        note.put("tags", List.of("transport", "safety"));
        note.put("visibility", "cohort");
        return note;
    }

    protected URI uri(String pathAndQuery) {
        return URI.create("http://localhost:" + port + pathAndQuery);
    }

    protected HttpResponse<String> postJson(String json) throws IOException, InterruptedException {
        return postJson(json, UUID.randomUUID().toString());
    }

    protected HttpResponse<String> postJson(String json, String requestId) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri("/api/notes"))
                .header("Content-Type", "application/json")
                .header("X-Request-Id", requestId)
                .header("Authorization", tokenFor(json))
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    protected HttpResponse<String> post(Map<String, Object> note) throws IOException, InterruptedException {
        return postJson(JSON.writeValueAsString(note));
    }

    /** Sends the body without Content-Length (chunked transfer encoding). */
    protected HttpResponse<String> postChunked(byte[] body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri("/api/notes"))
                .header("Content-Type", "application/json")
                .header("Authorization", tokenFor(new String(body, java.nio.charset.StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    protected HttpResponse<String> postMultipart(String authorization, MultipartBody body)
            throws IOException, InterruptedException {
        return send("POST", "/api/notes", authorization, body.contentType(), body.bytes(), null);
    }

    /** Any request with a body; {@code ifMatch} may be null. */
    protected HttpResponse<String> send(String method, String path, String authorization, String contentType,
            byte[] body, String ifMatch) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** As program staff, who read every note. */
    protected HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return get(pathAndQuery, staff());
    }

    protected HttpResponse<String> get(String pathAndQuery, String authorization)
            throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(pathAndQuery)).header("Authorization", authorization).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * A member of the library the JSON body names (so existing upload tests act for their own
     * library), or of a fresh library when it names none.
     */
    protected static String tokenFor(String json) {
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("\"libraryId\"\\s*:\\s*\"([^\"]+)\"")
                .matcher(json.length() > 4096 ? json.substring(0, 4096) : json);
        String libraryId = matcher.find() ? matcher.group(1).strip() : newLibraryId();
        return memberOf(libraryId.isEmpty() ? newLibraryId() : libraryId);
    }

    protected static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    protected static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json(response);
        assertThat(problem.path("status").asInt()).as(response.body()).isEqualTo(status);
        assertThat(problem.path("title").asString()).as(response.body()).isNotBlank();
        assertThat(problem.path("requestId").asString()).as(response.body()).isNotBlank();
    }

    /** The fields named in a problem's {@code errors} member. */
    protected static List<String> errorFields(HttpResponse<String> response) {
        List<String> fields = new ArrayList<>();
        JsonNode errors = json(response).get("errors");
        if (errors != null) {
            errors.forEach(error -> fields.add(error.get("field").asString()));
        }
        return fields;
    }

    protected long attachmentFiles() {
        return mongo.getCollection("attachments.files").countDocuments();
    }

    protected long attachmentChunks() {
        return mongo.getCollection("attachments.chunks").countDocuments();
    }

    protected long notesOf(String libraryId) {
        return mongo.count(Query.query(Criteria.where("libraryId").is(libraryId)), "notes");
    }

    protected Document storedNote(String id) {
        return mongo.findOne(Query.query(Criteria.where("_id").is(id)), Document.class, "notes");
    }

    /**
     * Every record of the topic up to its current end. Deterministic: call it once the outbox entry
     * is gone (the relay removes it only after Kafka acknowledged the send).
     */
    protected List<ConsumerRecord<String, String>> readTopic(String topic) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                assertThat(System.nanoTime()).as("reading %s up to %s", topic, end).isLessThan(deadline);
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }
}
