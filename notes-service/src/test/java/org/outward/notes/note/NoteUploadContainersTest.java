package org.outward.notes.note;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.outward.contracts.EventCodec;
import org.outward.contracts.Events;
import org.outward.contracts.Topics;
import org.outward.contracts.notes.NoteUploaded;
import org.outward.platform.roster.RosterMirror;
import org.outward.platform.test.TestRoster;
import org.outward.platform.test.TestTokens;
import org.outward.platform.test.TopicProbe;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The upload flow against a real MongoDB replica set and a real Kafka broker; skipped without Docker. */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NoteUploadContainersTest {

    @Container
    @ServiceConnection
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8").withReplicaSet();

    @Container
    @ServiceConnection
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.1");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void tokens(DynamicPropertyRegistry registry) {
        TestTokens.register(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    RosterMirror mirror;

    @Test
    void uploadIsStoredAndPublished() throws Exception {
        String libraryId = "lib-" + UUID.randomUUID();
        String date = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
        String body = JSON.writeValueAsString(Map.of(
                "title", "Front-porch conversation",
                "body", "Neighbours talked about the empty lot.",
                "conversationDate", date,
                "place", "Main library porch",
                "facilitator", "Sam Okafor",
                "tags", List.of("housing")));

        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/notes"))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + new TestRoster(mirror).member(libraryId, "cohort-1"))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode view = JSON.readTree(response.body());
        String id = view.get("id").asString();
        assertThat(view.get("visibility").asString()).isEqualTo("private");
        Document stored = mongo.findOne(Query.query(Criteria.where("_id").is(id)), Document.class, "notes");
        assertThat(stored).isNotNull();
        assertThat(stored.getString("libraryId")).isEqualTo(libraryId);

        try (TopicProbe probe = new TopicProbe(KAFKA.getBootstrapServers(), Topics.NOTES_NOTES)) {
            List<ConsumerRecord<String, String>> records =
                    probe.await(record -> id.equals(record.key()), 1, Duration.ofSeconds(60));
            assertThat(records).hasSize(1);
            NoteUploaded event = new EventCodec().decode(records.get(0).value()).payloadAs(Events.NOTE_UPLOADED);
            assertThat(event.noteId()).isEqualTo(id);
            assertThat(event.libraryId()).isEqualTo(libraryId);
            assertThat(event.visibility()).isEqualTo(NoteUploaded.VISIBILITY_PRIVATE);
            // A private note: named, none of its content on the wire (NoteUploaded v2).
            assertThat(event.title()).isNull();
            assertThat(event.conversationDate()).isNull();
        }
    }

    /** Attachments through real GridFS: stored with their hash and text, downloaded byte for byte. */
    @Test
    void attachmentIsStoredInGridFsAndDownloaded() throws Exception {
        String libraryId = "lib-" + UUID.randomUUID();
        String token = "Bearer " + new TestRoster(mirror).member(libraryId, "cohort-1");
        byte[] pdf = org.outward.notes.Fixtures.pdf("Teens asked for a quiet study room");
        org.outward.notes.MultipartBody body = new org.outward.notes.MultipartBody()
                .json("note", JSON.writeValueAsString(Map.of(
                        "title", "Study room conversation",
                        "conversationDate", LocalDate.now(ZoneOffset.UTC).minusDays(1).toString(),
                        "place", "Teen corner",
                        "facilitator", "Sam Okafor")))
                .file("files", "study.pdf", "application/pdf", pdf);
        HttpClient http = HttpClient.newHttpClient();

        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/notes"))
                        .header("Content-Type", body.contentType())
                        .header("Authorization", token)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode attachment = JSON.readTree(response.body()).get("attachments").get(0);
        assertThat(attachment.get("type").asString()).isEqualTo("application/pdf");
        assertThat(attachment.get("extraction").asString()).isEqualTo("done");
        HttpResponse<byte[]> download = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + attachment.get("url").asString()))
                        .header("Authorization", token).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(pdf);
    }
}
