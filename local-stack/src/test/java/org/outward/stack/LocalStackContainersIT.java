package org.outward.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The same slice as {@link LocalStackIT}, on the real {@code apache/kafka} and {@code mongo} images: the stack
 * is told to use them exactly as a person would with KAFKA_BOOTSTRAP_SERVERS and MONGODB_URI. Skipped where
 * no Docker engine runs.
 */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackContainersIT {

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.1");

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8");

    @Test
    void publishingAWebinarEmailsTheCohortOnRealKafkaAndMongo() throws Exception {
        Path root = Path.of(System.getProperty("outward.root", "..")).toAbsolutePath().normalize();
        StackConfig config = StackConfig.forTests(root, Files.createTempDirectory("outward-tc"))
                .withExternal(KAFKA.getBootstrapServers(), MONGO.getReplicaSetUrl("outward"));
        try (LocalStack stack = new LocalStack(config)) {
            stack.start();
            Http gateway = new Http(config.gatewayUrl())
                    .withToken(Http.devToken(config.identityUrl(), DemoData.STAFF_EMAIL, DemoData.DEV_PASSWORD));
            String id = gateway.post("/api/catalog/webinars", Map.of("title", "Containers webinar",
                    "slug", "containers-webinar", "summary", "On real images.", "topics", List.of("demo"),
                    "seriesPosition", 6, "durationMinutes", 40)).body().get("id").asString();
            assertThat(gateway.post("/api/catalog/webinars/" + id + "/publish", null).status()).isEqualTo(200);
            int members = stack.demo().memberEmails().size() - 1; // the demo staff user is not emailed
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(stack.emails())
                    .filteredOn(m -> String.valueOf(m.get("subject")).contains("Containers webinar"))
                    .hasSize(members));
        }
    }
}
