package org.outward.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.outward.contracts.EventEnvelope;
import org.outward.contracts.Events;
import org.outward.contracts.catalog.WebinarPublished;
import org.outward.notification.support.Api;
import org.outward.notification.support.FreePort;
import org.outward.notification.support.Mailbox;
import org.outward.notification.support.TestEvents;
import org.outward.platform.test.TestMongo;
import org.outward.platform.test.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The SMTP server is down when the emails are due: they stay queued and are retried with backoff;
 * once a real server listens on that port, each arrives exactly once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "outward.mail.poll-interval=100ms",
        "outward.mail.initial-backoff=200ms",
        "outward.mail.max-backoff=1s"})
@EmbeddedKafka(partitions = 1)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class SmtpOutageTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int SMTP_PORT = FreePort.next();
    private static GreenMail greenMail;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestMongo.register(registry);
        TestTokens.register(registry);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @Autowired
    EmbeddedKafkaBroker broker;
    @LocalServerPort
    int port;

    @AfterAll
    static void stopSmtp() {
        if (greenMail != null) {
            greenMail.stop();
        }
    }

    @Test
    void emailsWaitForTheSmtpServerAndArriveExactlyOnce() {
        Api api = new Api(port);
        try (TestEvents events = new TestEvents(broker.getBrokersAsString())) {
            events.publish(Events.LIBRARY_JOINED_COHORT, RosterFixture.FAIRVIEW.libraryId(), RosterFixture.FAIRVIEW);
            events.publish(Events.MEMBER_ADDED, RosterFixture.ANA.memberId(), RosterFixture.ANA);
            events.publish(Events.MEMBER_ADDED, RosterFixture.BEN.memberId(), RosterFixture.BEN);
            await().atMost(WAIT).until(() -> api.get("/api/notifications/recipients").json().size() == 2);

            WebinarPublished webinar = new WebinarPublished("web-outage", "outage", "Working Through Setbacks",
                    "What to do when a conversation stalls.", List.of(), 5, 45, List.of(), List.of(), 1L, Instant.now());
            EventEnvelope event = events.publish(Events.WEBINAR_PUBLISHED, webinar.webinarId(), webinar);

            // Nothing listens on the SMTP port: every email (the two account invitations, the two notices) fails, is
            // kept and rescheduled, more than once.
            await().atMost(WAIT).until(() -> deliveries(api).size() == 4 && deliveries(api).stream().allMatch(d ->
                    d.get("status").asString().equals("PENDING") && d.get("attempts").asInt() >= 2
                            && !d.get("lastError").isNull()));
            assertThat(deliveries(api)).allSatisfy(d -> assertThat(d.get("sentAt").isNull()).isTrue());

            greenMail = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            greenMail.start();

            await().atMost(WAIT).until(() -> deliveries(api).stream()
                    .allMatch(d -> d.get("status").asString().equals("SENT")));
            // Every email is now in its final state, so nothing more can be sent: count what arrived.
            List<MimeMessage> received = Mailbox.forEvent(greenMail.getReceivedMessages(), event.id().toString());
            Map<String, Long> perKey = received.stream().collect(Collectors.groupingBy(Mailbox::key, Collectors.counting()));
            assertThat(perKey).containsOnly(
                    Map.entry(event.id() + ":" + RosterFixture.ANA.memberId(), 1L),
                    Map.entry(event.id() + ":" + RosterFixture.BEN.memberId(), 1L));
            assertThat(received.stream().collect(Collectors.toMap(Mailbox::to, Function.identity())))
                    .containsOnlyKeys(RosterFixture.ANA.email(), RosterFixture.BEN.email());
            assertThat(java.util.Arrays.stream(greenMail.getReceivedMessages()).map(Mailbox::key)
                    .filter(key -> key.startsWith("account-invitation:")))
                    .containsExactlyInAnyOrder("account-invitation:" + RosterFixture.ANA.memberId(),
                            "account-invitation:" + RosterFixture.BEN.memberId());
            assertThat(deliveries(api)).allSatisfy(d -> {
                assertThat(d.get("attempts").asInt()).isGreaterThanOrEqualTo(3);
                assertThat(d.get("sentAt").isNull()).isFalse();
            });
        }
    }

    private static List<JsonNode> deliveries(Api api) {
        return api.get("/api/notifications/deliveries?size=10").json().get("items").valueStream().toList();
    }
}
