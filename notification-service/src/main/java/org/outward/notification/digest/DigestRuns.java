package org.outward.notification.digest;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * A digest run under the lock: whoever triggers it (the scheduler of any instance, or staff) runs only while
 * holding the {@value #LOCK} lease, so two instances never build the same digests at the same time.
 */
@Component
public class DigestRuns {

    public static final String LOCK = "digest-run";

    private final DigestJob job;
    private final DigestLock lock;
    private final DigestProperties properties;
    private final Clock clock;
    private final DigestMetrics metrics;
    private final String instance = "instance-" + UUID.randomUUID();

    DigestRuns(DigestJob job, DigestLock lock, DigestProperties properties, Clock clock, DigestMetrics metrics) {
        this.job = job;
        this.lock = lock;
        this.properties = properties;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** @return the run's summary, or empty when another run holds the lock */
    public Optional<DigestJob.RunSummary> runNow() {
        if (!lock.acquire(LOCK, instance, properties.lockLease())) {
            metrics.busy();
            return Optional.empty();
        }
        long started = System.nanoTime();
        try {
            DigestJob.RunSummary summary = job.runDue(clock.instant());
            metrics.ran(Duration.ofNanos(System.nanoTime() - started), summary);
            return Optional.of(summary);
        } catch (RuntimeException e) {
            metrics.failed(Duration.ofNanos(System.nanoTime() - started));
            throw e;
        } finally {
            lock.release(LOCK, instance);
        }
    }
}
