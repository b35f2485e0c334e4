package org.outward.notification.digest;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Looks for due digests every {@code outward.digest.interval}. Lateness does not matter (a late run makes
 * the digest up to the last boundary passed) and neither does running twice (nothing is due the second time).
 */
@Component
class DigestScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DigestScheduler.class);

    private final DigestRuns runs;
    private final DigestProperties properties;
    private volatile boolean running;
    private ScheduledExecutorService executor;

    DigestScheduler(DigestRuns runs, DigestProperties properties) {
        this.runs = runs;
        this.properties = properties;
    }

    @Override
    public void start() {
        if (!properties.schedulerEnabled()) {
            log.info("digest scheduler disabled (outward.digest.scheduler-enabled=false)");
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "digest-scheduler");
            thread.setDaemon(true);
            return thread;
        });
        running = true;
        long every = properties.interval().toMillis();
        executor.scheduleWithFixedDelay(this::tick, every, every, TimeUnit.MILLISECONDS);
    }

    private void tick() {
        try {
            runs.runNow();
        } catch (RuntimeException e) {
            // Nothing is lost: the pending window is resumed by the next run.
            log.warn("digest run failed (will resume): {}", e.toString());
        }
    }

    @Override
    public void stop() {
        running = false;
        if (executor != null) {
            executor.shutdown();
            try {
                executor.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }
}
