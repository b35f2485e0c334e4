package org.outward.notification.digest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
        return runAsOf(clock.instant());
    }

    /**
     * The digests whose windows close by {@code at}, built now: {@code at} later than now sends them early (their
     * windows then end at a boundary still to come; what arrives after the run goes into the next digest, whose
     * window looks back from the run, see {@link DigestSchedule#from}).
     */
    public Optional<DigestJob.RunSummary> runAsOf(Instant at) {
        if (!lock.acquire(LOCK, instance, properties.lockLease())) {
            metrics.busy();
            return Optional.empty();
        }
        long started = System.nanoTime();
        try {
            DigestJob.RunSummary summary = job.runDue(at);
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
