package org.outward.notification.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The email pipeline in numbers, tagged by email kind (a handful) at most:
 * {@code outward_emails_queue{status}} (pending or sending, and {@code due}: pending whose time has come),
 * {@code outward_emails_sent_total}, {@code outward_emails_retried_total}, {@code outward_emails_failed_total},
 * and {@code outward_smtp_send_seconds{outcome}}, one per email (sent one at a time over each kept connection).
 */
@Component
public class DeliveryMetrics implements MeterBinder {

    private static final Duration QUEUE_STALENESS = Duration.ofSeconds(5);

    private final MongoTemplate mongo;
    private final Clock clock;
    private MeterRegistry registry;
    private volatile Instant measuredAt = Instant.EPOCH;
    private volatile Map<EmailStatus, Long> queue = Map.of();
    private volatile long due;

    public DeliveryMetrics(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        this.registry = registry;
        for (EmailStatus status : new EmailStatus[] {EmailStatus.PENDING, EmailStatus.SENDING}) {
            Gauge.builder("outward.emails.queue", () -> queue().getOrDefault(status, 0L))
                    .description("Emails waiting to be sent (pending) or being sent (sending, under a lease)")
                    .tag("status", status.name().toLowerCase())
                    .register(registry);
        }
        Gauge.builder("outward.emails.queue", () -> {
            queue();
            return due;
        }).description("Pending emails whose next attempt is due now").tag("status", "due")
                .register(registry);
    }

    void sent(String kind) {
        counter("outward.emails.sent", "Emails the SMTP server accepted", kind);
    }

    void retried(String kind) {
        counter("outward.emails.retried", "Email attempts that failed temporarily and will be retried", kind);
    }

    void failed(String kind) {
        counter("outward.emails.failed", "Emails given up on: permanent rejection or attempts exhausted", kind);
    }

    void smtp(Duration took, boolean ok) {
        if (registry != null) {
            Timer.builder("outward.smtp.send")
                    .description("Sending one email over SMTP, until the server answered")
                    .tag("outcome", ok ? "ok" : "failed")
                    .serviceLevelObjectives(Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMillis(100),
                            Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
                            Duration.ofSeconds(5), Duration.ofSeconds(30))
                    .register(registry).record(took);
        }
    }

    private void counter(String name, String description, String kind) {
        if (registry != null) {
            Counter.builder(name).description(description).tag("kind", kind == null ? "unknown" : kind)
                    .register(registry).increment();
        }
    }

    private synchronized Map<EmailStatus, Long> queue() {
        Instant now = clock.instant();
        if (measuredAt.plus(QUEUE_STALENESS).isAfter(now)) {
            return queue;
        }
        Map<EmailStatus, Long> counts = new EnumMap<>(EmailStatus.class);
        for (EmailStatus status : new EmailStatus[] {EmailStatus.PENDING, EmailStatus.SENDING}) {
            counts.put(status, mongo.count(Query.query(Criteria.where("status").is(status.name())),
                    EmailOutbox.COLLECTION));
        }
        due = mongo.count(Query.query(Criteria.where("status").is(EmailStatus.PENDING.name())
                .and("nextAttemptAt").lte(Date.from(now))), EmailOutbox.COLLECTION);
        queue = counts;
        measuredAt = now;
        return counts;
    }
}
