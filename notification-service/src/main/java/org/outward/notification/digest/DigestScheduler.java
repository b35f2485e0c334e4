package org.outward.notification.digest;

import java.time.Duration;
import org.outward.platform.lifecycle.BackgroundLoop;
import org.springframework.stereotype.Component;

/**
 * Looks for due digests every {@code outward.digest.interval}. Lateness does not matter (a late run makes
 * the digest up to the last boundary passed) and neither does running twice (nothing is due the second time).
 */
@Component
class DigestScheduler extends BackgroundLoop {

    private final DigestRuns runs;
    private final DigestProperties properties;

    DigestScheduler(DigestRuns runs, DigestProperties properties) {
        super("digest-scheduler", 1);
        this.runs = runs;
        this.properties = properties;
    }

    @Override
    protected boolean enabled() {
        return properties.schedulerEnabled();
    }

    @Override
    protected Duration initialDelay() {
        return properties.interval();
    }

    @Override
    protected Duration runOnce() {
        runs.runNow();
        return properties.interval();
    }

    /** Nothing is lost: the pending window is resumed by the next run. */
    @Override
    protected Duration pauseAfterFailure() {
        return properties.interval();
    }
}
