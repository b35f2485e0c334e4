package org.outward.platform.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BackgroundLoopTest {

    /** Counts its passes; the second pass is far away, and every odd pass throws. */
    static final class Counting extends BackgroundLoop {
        final AtomicInteger passes = new AtomicInteger();
        final Duration next;

        Counting(Duration next) {
            super("counting", 1);
            this.next = next;
        }

        @Override
        protected Duration runOnce() {
            if (passes.incrementAndGet() % 2 == 1) {
                throw new IllegalStateException("every other pass fails");
            }
            return next;
        }

        @Override
        protected Duration pauseAfterFailure() {
            return Duration.ZERO;
        }

        /** So long that a stop which waited for the pending pass would never come back. */
        @Override
        protected Duration stopTimeout() {
            return Duration.ofDays(1);
        }
    }

    @Test
    void aFailingPassIsFollowedByAnotherAndStopDoesNotWaitForAPassThatIsNotDueYet() {
        Counting loop = new Counting(Duration.ofMinutes(10));
        loop.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> loop.passes.get() == 2);

        // The third pass is ten minutes away: stopping must drop it, not wait for it. A stop that waited would
        // hang for the day-long stop timeout; the preemptive bound only turns such a hang into a failure.
        assertTimeoutPreemptively(Duration.ofMinutes(2), () -> {
            loop.stop();
        });
        assertThat(loop.isRunning()).isFalse();
        assertThat(loop.passes.get()).isEqualTo(2);
    }

    @Test
    void aStoppedLoopCanBeStartedAgain() {
        Counting loop = new Counting(Duration.ZERO);
        loop.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> loop.passes.get() > 4);
        loop.stop();
        int stoppedAt = loop.passes.get();

        loop.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> loop.passes.get() > stoppedAt + 4);
        loop.stop();
    }
}
