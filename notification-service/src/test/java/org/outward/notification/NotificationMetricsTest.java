package org.outward.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.outward.contracts.Events;
import org.outward.contracts.Topics;
import org.outward.contracts.catalog.WebinarPublished;
import org.outward.notification.digest.DigestRuns;
import org.outward.notification.support.Api;
import org.outward.notification.support.TestEvents;
import org.outward.platform.observability.ConsumerLag;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The notification pipeline's metrics move with what really happens on the real broker, SMTP server and
 * MongoDB wire server: events consumed and dead-lettered per topic, emails sent and SMTP conversations timed,
 * the email queue measured, digest runs counted. Deltas only: the context is shared with other classes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotificationMetricsTest extends ServiceTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    private MeterRegistry registry;
    @Autowired
    private DigestRuns digests;
    @Autowired
    private ConsumerLag lag;

    private TestEvents events;

    @BeforeAll
    void publishRoster() {
        events = new TestEvents(broker.getBrokersAsString());
        Api api = new Api(port);
        RosterFixture.publish(events);
        await().atMost(WAIT).until(() -> api.get("/api/notifications/recipients").json().valueStream()
                .filter(r -> r.get("memberId").asString().startsWith("m-")).count() >= 4);
    }

    @AfterAll
    void close() {
        events.close();
    }

    @Test
    void aPublishedWebinarMovesTheConsumedSentAndSmtpMetrics() {
        double consumed = counter("outward.events.consumed", "topic", Topics.CATALOG_WEBINARS, "outcome", "processed");
        double sent = counter("outward.emails.sent", "kind", "webinar-published");
        long smtp = smtpCount();

        String id = "web-" + UUID.randomUUID();
        events.publish(Events.WEBINAR_PUBLISHED, id, new WebinarPublished(id, "slug-" + id.substring(4, 12),
                "Metrics Webinar", "Summary", List.of("t"), 2, 30, List.of(), List.of(), 1L, Instant.now()));

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(counter("outward.events.consumed", "topic", Topics.CATALOG_WEBINARS, "outcome", "processed"))
                    .isEqualTo(consumed + 1);
            // The four library members of the fixture (staff get no webinar emails).
            assertThat(counter("outward.emails.sent", "kind", "webinar-published")).isGreaterThanOrEqualTo(sent + 4);
        });
        assertThat(smtpCount()).isGreaterThan(smtp);
        assertThat(registry.get("outward.emails.queue").tag("status", "pending").gauge().value()).isNotNegative();
        assertThat(registry.get("outward.emails.queue").tag("status", "due").gauge().value()).isNotNegative();
        // Consumer lag per group, topic and partition, measured against the broker (every 15 s, or now).
        // The event's key picks its partition (the topic has several): every partition the group committed on
        // is caught up, and there is at least the one the event went to.
        await().atMost(WAIT).untilAsserted(() -> assertThat(lag.measure().entrySet().stream()
                .filter(e -> e.getKey().group().equals("notification-service")
                        && e.getKey().topic().equals(Topics.CATALOG_WEBINARS)).toList())
                .isNotEmpty().allSatisfy(e -> assertThat(e.getValue()).isZero()));
    }

    @Test
    void aPoisonRecordIsCountedAsDeadLettered() {
        double before = counter("outward.events.dead.lettered", "topic", Topics.CATALOG_WEBINARS, "reason", "invalid");
        events.sendRaw(Topics.CATALOG_WEBINARS, "poison-metrics", "{\"not\": \"an event\"}");
        await().atMost(WAIT).untilAsserted(() -> assertThat(
                counter("outward.events.dead.lettered", "topic", Topics.CATALOG_WEBINARS, "reason", "invalid"))
                .isEqualTo(before + 1));
    }

    @Test
    void aDigestRunIsTimedAndStamped() {
        long before = digestRuns();
        assertThat(digests.runNow()).isPresent();
        assertThat(digestRuns()).isEqualTo(before + 1);
        assertThat(registry.get("outward.digest.last.run.timestamp").gauge().value()).isPositive();
    }

    private double counter(String name, String... tags) {
        Counter counter = registry.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    private long smtpCount() {
        return registry.find("outward.smtp.send").timers().stream().mapToLong(Timer::count).sum();
    }

    private long digestRuns() {
        Timer timer = registry.find("outward.digest.runs").tag("outcome", "ran").timer();
        return timer == null ? 0 : timer.count();
    }
}
