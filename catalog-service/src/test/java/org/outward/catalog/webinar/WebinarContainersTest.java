package org.outward.catalog.webinar;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.outward.catalog.CatalogApplication;
import org.outward.contracts.DecodedEvent;
import org.outward.contracts.EventCodec;
import org.outward.contracts.Events;
import org.outward.contracts.Topics;
import org.outward.contracts.catalog.WebinarPublished;
import org.outward.platform.test.TestTokens;
import org.outward.platform.test.TopicProbe;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The main flow (create a draft, publish it, WebinarPublished on Kafka) against the real MongoDB
 * (replica set) and Kafka images. Skipped where there is no Docker.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(classes = CatalogApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.mongodb.database=outward-catalog-it")
class WebinarContainersTest {

    @Container
    @ServiceConnection
    static MongoDBContainer mongo = new MongoDBContainer("mongo:8").withReplicaSet();

    @Container
    @ServiceConnection
    static KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.1");

    @DynamicPropertySource
    static void tokens(DynamicPropertyRegistry registry) {
        TestTokens.register(registry);
    }

    private static final String STAFF = "Bearer " + TestTokens.staff();

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    EventCodec codec;

    @Test
    void createsAndPublishesAWebinar() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String body = JSON.writeValueAsString(WebinarRequests.valid("containers-intro"));

        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(url("/api/catalog/webinars")))
                .header("Content-Type", "application/json").header("Authorization", STAFF)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = JSON.readTree(created.body()).path("id").asString();

        HttpResponse<String> duplicate = http.send(HttpRequest.newBuilder(URI.create(url("/api/catalog/webinars")))
                .header("Content-Type", "application/json").header("Authorization", STAFF)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(duplicate.statusCode()).as("the unique slug index exists").isEqualTo(409);

        HttpResponse<String> published = http.send(HttpRequest.newBuilder(
                        URI.create(url("/api/catalog/webinars/" + id + "/publish"))).header("Authorization", STAFF)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        JsonNode view = JSON.readTree(published.body());
        assertThat(view.path("status").asString()).isEqualTo("published");
        assertThat(view.path("version").asLong()).isEqualTo(2);

        // The same analysed-terms search as on the in-memory server (no $text anywhere).
        HttpResponse<String> found = http.send(HttpRequest.newBuilder(URI.create(url(
                        "/api/catalog/webinars?q=Conversation+ASPIRATIONS&topic=community-conversations")))
                .header("Authorization", STAFF).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        assertThat(JSON.readTree(found.body()).path("items").get(0).path("id").asString()).isEqualTo(id);
        HttpResponse<String> none = http.send(HttpRequest.newBuilder(URI.create(url(
                        "/api/catalog/webinars?q=conversation+knitting")))
                .header("Authorization", STAFF).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(JSON.readTree(none.body()).path("total").asLong()).isZero();

        try (TopicProbe probe = new TopicProbe(kafka.getBootstrapServers(), Topics.CATALOG_WEBINARS)) {
            List<ConsumerRecord<String, String>> records =
                    probe.await(r -> id.equals(r.key()), 1, Duration.ofSeconds(30));
            assertThat(records).hasSize(1);
            DecodedEvent<?> event = codec.decode(records.get(0).value());
            WebinarPublished payload = event.payloadAs(Events.WEBINAR_PUBLISHED);
            assertThat(payload.webinarId()).isEqualTo(id);
            assertThat(payload.slug()).isEqualTo("containers-intro");
            assertThat(payload.webinarVersion()).isEqualTo(2);
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
