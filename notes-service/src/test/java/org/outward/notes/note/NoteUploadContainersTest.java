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
import org.outward.platform.test.TopicProbe;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
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

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;

    @Test
    void uploadIsStoredAndPublished() throws Exception {
        String libraryId = "lib-" + UUID.randomUUID();
        String date = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
        String body = JSON.writeValueAsString(Map.of(
                "libraryId", libraryId,
                "title", "Front-porch conversation",
                "body", "Neighbours talked about the empty lot.",
                "conversationDate", date,
                "place", "Main library porch",
                "facilitator", "Sam Okafor",
                "tags", List.of("housing")));

        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/notes"))
                        .header("Content-Type", "application/json")
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
            assertThat(event.conversationDate()).isEqualTo(LocalDate.parse(date));
        }
    }
}
