package org.outward.catalog.webinar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.outward.catalog.CatalogApplication;
import org.outward.contracts.DecodedEvent;
import org.outward.contracts.EventCodec;
import org.outward.contracts.Events;
import org.outward.contracts.Topics;
import org.outward.platform.test.TcpProxy;
import org.outward.platform.test.TestMongo;
import org.outward.platform.test.TestTokens;
import org.outward.platform.test.TopicProbe;
import org.outward.platform.web.RequestIds;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Kafka is unreachable when a webinar is published: the request still succeeds (the event waits in
 * the webinar's outbox), and once Kafka is reachable the event arrives, exactly once. The service's
 * bootstrap address is a proxy port where nothing listens until the test opens it.
 */
@SpringBootTest(classes = CatalogApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "outward.outbox.poll-interval=100ms",
            "outward.outbox.max-backoff=500ms",
            // Topics are made on the broker below; an admin client would only wait for the closed port.
            "spring.kafka.admin.auto-create=false"
        })
@DirtiesContext // its own broker and proxy: close the context with the class
class KafkaOutageTest {

    private static final EmbeddedKafkaKraftBroker BROKER;
    private static final TcpProxy KAFKA_ADDRESS;
    private static final int PROXY_PORT = TcpProxy.freePort();

    static {
        String[] topics = Topics.ALL.stream().flatMap(t -> Stream.of(t, t + Topics.DEAD_LETTER_SUFFIX))
                .toArray(String[]::new);
        BROKER = new EmbeddedKafkaKraftBroker(1, 1, topics);
        BROKER.afterPropertiesSet();
        String[] real = BROKER.getBrokersAsString().split(",")[0].split(":");
        KAFKA_ADDRESS = new TcpProxy(PROXY_PORT, real[0], Integer.parseInt(real[1]));
        // Not in @AfterAll: JUnit runs that before Spring closes the context, whose producer still needs the broker.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                KAFKA_ADDRESS.close();
            } catch (java.io.IOException ignored) {
                // closing anyway
            }
            BROKER.destroy();
        }));
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestMongo.register(registry);
        TestTokens.register(registry);
        registry.add("spring.kafka.bootstrap-servers", () -> "127.0.0.1:" + PROXY_PORT);
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    EventCodec codec;

    @Test
    void aWebinarPublishedWhileKafkaIsDownIsAnnouncedExactlyOnceWhenItIsBack() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String staff = "Bearer " + TestTokens.staff();
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(url("/api/catalog/webinars")))
                .header("Content-Type", "application/json").header("Authorization", staff)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(WebinarRequests.valid("outage"))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = JSON.readTree(created.body()).path("id").asString();

        HttpResponse<String> published = http.send(HttpRequest.newBuilder(URI.create(url(
                        "/api/catalog/webinars/" + id + "/publish"))).header("Authorization", staff)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(published.statusCode()).as("publishing does not need Kafka").isEqualTo(200);
        List<Document> pending = pending(id);
        assertThat(pending).as("the event waits in the outbox").hasSize(1);
        String eventId = pending.get(0).getString("id");

        KAFKA_ADDRESS.start();

        await().atMost(Duration.ofSeconds(60)).until(() -> pending(id).isEmpty());
        // Once the entry left the outbox the relay never sends it again; a marker published after that
        // arrives after any copy still on its way (one partition), so counting then is final.
        String markerId = publishMarker(http, staff);
        try (TopicProbe probe = new TopicProbe(BROKER.getBrokersAsString(), Topics.CATALOG_WEBINARS)) {
            assertThat(probe.await(r -> markerId.equals(r.key()), 1, Duration.ofSeconds(30))).hasSize(1);
            List<ConsumerRecord<String, String>> all = probe.await(r -> true, Integer.MAX_VALUE, Duration.ZERO);
            List<ConsumerRecord<String, String>> copies = all.stream()
                    .filter(r -> eventId.equals(new String(r.headers().lastHeader(RequestIds.KAFKA_HEADER_EVENT_ID)
                            .value(), StandardCharsets.UTF_8)))
                    .toList();
            assertThat(copies).as("exactly one record with this event id").hasSize(1);
            assertThat(copies.get(0).key()).isEqualTo(id);
            DecodedEvent<?> event = codec.decode(copies.get(0).value());
            assertThat(event.type()).isEqualTo(Events.WEBINAR_PUBLISHED);
            assertThat(event.envelope().id().toString()).isEqualTo(eventId);
            assertThat(event.payloadAs(Events.WEBINAR_PUBLISHED).webinarId()).isEqualTo(id);
        }
    }

    private String publishMarker(HttpClient http, String staff) throws Exception {
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(url("/api/catalog/webinars")))
                .header("Content-Type", "application/json").header("Authorization", staff)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                        WebinarRequests.valid("outage-marker")))).build(), HttpResponse.BodyHandlers.ofString());
        String markerId = JSON.readTree(created.body()).path("id").asString();
        HttpResponse<String> published = http.send(HttpRequest.newBuilder(URI.create(url(
                        "/api/catalog/webinars/" + markerId + "/publish"))).header("Authorization", staff)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(published.statusCode()).isEqualTo(200);
        return markerId;
    }

    private List<Document> pending(String id) {
        return mongo.findById(id, Document.class, "webinars").getList("outbox", Document.class, List.of());
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
