package org.outward.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.outward.contracts.EventEnvelope;
import org.outward.contracts.Events;
import org.outward.contracts.catalog.LinkData;
import org.outward.contracts.catalog.MemberAdded;
import org.outward.contracts.catalog.WebinarPublished;
import org.outward.notification.support.Api;
import org.outward.notification.support.FreePort;
import org.outward.notification.support.Mailbox;
import org.outward.notification.support.TestEvents;
import org.outward.platform.test.TestTokens;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The main flow against the real servers: MongoDB 8 (a replica set, as in production) and Apache
 * Kafka 4.1. Skipped where there is no Docker.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "outward.mail.poll-interval=100ms",
        "outward.kafka.partitions=1"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class NotificationContainersTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int SMTP_PORT = FreePort.next();

    @Container
    @ServiceConnection
    static final MongoDBContainer mongo = new MongoDBContainer("mongo:8");

    @Container
    @ServiceConnection
    static final KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.1");

    @RegisterExtension
    static final GreenMailExtension mail = new GreenMailExtension(
            new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP)).withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.database", () -> "outward-notification-it");
        TestTokens.register(registry);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @LocalServerPort
    int port;

    @Test
    void rosterThenWebinarEmailsEveryLibraryMemberOnce() throws Exception {
        Api api = new Api(port);
        try (TestEvents events = new TestEvents(kafka.getBootstrapServers())) {
            RosterFixture.publish(events);
            await().atMost(WAIT).until(() -> api.get("/api/notifications/recipients").json().size() == 5);

            WebinarPublished webinar = new WebinarPublished("web-tc", "real-servers", "Real Servers",
                    "The same flow against MongoDB 8 and Kafka 4.1.", List.of(), 1, 60,
                    List.of(new LinkData("Video", "https://video.example/tc")), List.of(), 1L, Instant.now());
            EventEnvelope event = events.publish(Events.WEBINAR_PUBLISHED, webinar.webinarId(), webinar);

            await().atMost(WAIT).until(() ->
                    Mailbox.forEvent(mail.getReceivedMessages(), event.id().toString()).size() >= 4);
            List<MimeMessage> received = Mailbox.forEvent(mail.getReceivedMessages(), event.id().toString());
            assertThat(received).extracting(Mailbox::to).containsExactlyInAnyOrderElementsOf(
                    RosterFixture.LIBRARY_MEMBERS.stream().map(MemberAdded::email).toList());
            for (MimeMessage message : received) {
                MimeMultipart alternative = (MimeMultipart) message.getContent();
                assertThat(alternative.getContentType()).startsWith("multipart/alternative");
                assertThat((String) alternative.getBodyPart(0).getContent()).contains("Real Servers");
            }
            await().atMost(WAIT).until(() -> api.get("/api/notifications/deliveries?status=SENT")
                    .json().get("total").asLong() == 4);
        }
    }
}
