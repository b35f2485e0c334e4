package org.outward.notification.digest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * Digest runs: {@code outward_digest_runs_seconds{outcome}} (ran, busy: another instance held the lock, failed),
 * {@code outward_digest_emails_total} and {@code outward_digest_items_total} (what the runs queued), and
 * {@code outward_digest_last_run_timestamp_seconds}, which the "digest run missed" alert watches.
 */
@Component
class DigestMetrics {

    private final MeterRegistry registry;
    private final AtomicLong lastRun = new AtomicLong();

    DigestMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("outward.digest.last.run.timestamp", lastRun, AtomicLong::get)
                .description("When this instance last completed a digest run (epoch seconds; 0: not since start)")
                .baseUnit("seconds").register(registry);
    }

    void ran(Duration took, DigestJob.RunSummary summary) {
        timer("ran").record(took);
        Counter.builder("outward.digest.emails").description("Digest emails queued by digest runs")
                .register(registry).increment(summary.queued());
        Counter.builder("outward.digest.items").description("News items put into queued digest emails")
                .register(registry).increment(summary.items());
        lastRun.set(summary.at().getEpochSecond());
    }

    void busy() {
        timer("busy").record(Duration.ZERO);
    }

    void failed(Duration took) {
        timer("failed").record(took);
    }

    private Timer timer(String outcome) {
        return Timer.builder("outward.digest.runs")
                .description("Digest runs by outcome: ran, busy (another instance held the lock) or failed")
                .tag("outcome", outcome)
                .serviceLevelObjectives(Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(10),
                        Duration.ofSeconds(60), Duration.ofMinutes(5))
                .register(registry);
    }
}
