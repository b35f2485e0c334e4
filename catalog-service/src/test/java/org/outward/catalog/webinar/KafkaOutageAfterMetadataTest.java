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
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.outward.catalog.CatalogApplication;
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
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Kafka goes away after the service's producer has its metadata: the broker advertises the proxy's address, so every
 * connection of the producer (not only the bootstrap one) goes through the proxy, and cutting the proxy is a real
 * outage for a client that already knows the broker. A webinar published meanwhile is announced once Kafka is back,
 * with exactly one record: the relay waits for the send the producer still holds instead of sending it again.
 */
@SpringBootTest(classes = CatalogApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "outward.outbox.poll-interval=100ms",
            "outward.outbox.max-backoff=500ms",
            // Shorter than the outage: the relay gives up waiting several times while the producer still retries.
            "outward.outbox.send-timeout=2s",
            "spring.kafka.admin.auto-create=false"
        })
@DirtiesContext
class KafkaOutageAfterMetadataTest {

    private static final int PROXY_PORT = TcpProxy.freePort();
    private static final TcpProxy BROKER_ADDRESS = new TcpProxy(PROXY_PORT, "127.0.0.1", 0);
    private static final KafkaClusterTestKit CLUSTER;
    private static final String REAL_BOOTSTRAP;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static {
        try {
            BROKER_ADDRESS.start();
            CLUSTER = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder().setCombined(true)
                    .setNumBrokerNodes(1).setNumControllerNodes(1).build())
                    // Clients learn this address from the metadata and use it for every later connection.
                    .setConfigProp("advertised.listeners", "EXTERNAL://localhost:" + PROXY_PORT)
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .build();
            CLUSTER.format();
            CLUSTER.startup();
            // The broker's own port is known once it listens; only then can the proxy forward to it.
            REAL_BOOTSTRAP = CLUSTER.bootstrapServers();
            BROKER_ADDRESS.target(Integer.parseInt(REAL_BOOTSTRAP.split(",")[0].split(":")[1]));
            CLUSTER.waitForReadyBrokers();
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + PROXY_PORT))) {
                admin.createTopics(Topics.ALL.stream().flatMap(t -> Stream.of(t, t + Topics.DEAD_LETTER_SUFFIX))
                        .map(t -> new NewTopic(t, 1, (short) 1)).toList()).all().get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not start the Kafka cluster behind the proxy", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                BROKER_ADDRESS.close();
                CLUSTER.close();
            } catch (Exception ignored) {
                // closing anyway
            }
        }));
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestMongo.register(registry);
        TestTokens.register(registry);
        registry.add("spring.kafka.bootstrap-servers", () -> "localhost:" + PROXY_PORT);
    }

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;

    private final HttpClient http = HttpClient.newHttpClient();
    private final String staff = "Bearer " + TestTokens.staff();

    @Test
    void aWebinarPublishedWhileTheKnownBrokerIsAwayIsAnnouncedExactlyOnce() throws Exception {
        // Kafka is there: the first webinar goes out, so the producer has the broker's (advertised) address.
        String first = publish("before-outage");
        await().atMost(Duration.ofSeconds(60)).until(() -> pending(first).isEmpty());

        BROKER_ADDRESS.close(); // the broker's host is gone: no new connection, the open ones cut
        String during = publish("during-outage");
        String eventId = pending(during).get(0).getString("id");
        // Longer than several send timeouts: the relay tried, waited and tried again meanwhile.
        Thread.sleep(8_000);
        assertThat(pending(during)).as("the event waits in the outbox").hasSize(1);

        BROKER_ADDRESS.start();
        await().atMost(Duration.ofSeconds(90)).until(() -> pending(during).isEmpty());

        String marker = publish("after-outage");
        try (TopicProbe probe = new TopicProbe(REAL_BOOTSTRAP, Topics.CATALOG_WEBINARS)) {
            assertThat(probe.await(r -> marker.equals(r.key()), 1, Duration.ofSeconds(60))).hasSize(1);
            List<ConsumerRecord<String, String>> copies = probe.await(r -> true, Integer.MAX_VALUE, Duration.ZERO)
                    .stream().filter(r -> eventId.equals(new String(r.headers()
                            .lastHeader(RequestIds.KAFKA_HEADER_EVENT_ID).value(), StandardCharsets.UTF_8)))
                    .toList();
            assertThat(copies).as("exactly one record of the event published during the outage").hasSize(1);
            assertThat(copies.get(0).key()).isEqualTo(during);
        }
    }

    private String publish(String slug) throws Exception {
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(url("/api/catalog/webinars")))
                .header("Content-Type", "application/json").header("Authorization", staff)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(WebinarRequests.valid(slug))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = JSON.readTree(created.body()).path("id").asString();
        HttpResponse<String> published = http.send(HttpRequest.newBuilder(URI.create(url(
                        "/api/catalog/webinars/" + id + "/publish"))).header("Authorization", staff)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(published.statusCode()).as("publishing does not need Kafka").isEqualTo(200);
        return id;
    }

    private List<Document> pending(String id) {
        return mongo.findById(id, Document.class, "webinars").getList("outbox", Document.class, List.of());
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
