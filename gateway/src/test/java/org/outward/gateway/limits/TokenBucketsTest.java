package org.outward.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The token bucket arithmetic, with a hand-driven clock. */
class TokenBucketsTest {

    private final AtomicLong now = new AtomicLong(1_000);

    @Test
    void allowsTheBurstThenRefusesWithTheWaitInWholeSeconds() {
        TokenBuckets buckets = new TokenBuckets(new LimitSettings.Bucket(0.5, 2), 100, now::get);

        assertThat(buckets.tryAcquire("a")).isZero();
        assertThat(buckets.tryAcquire("a")).isZero();
        assertThat(buckets.tryAcquire("a")).isEqualTo(2); // one token per 2 s
        assertThat(buckets.tryAcquire("b")).isZero();     // other keys have their own bucket

        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(1500));
        assertThat(buckets.tryAcquire("a")).isEqualTo(1);
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(500));
        assertThat(buckets.tryAcquire("a")).isZero();
        assertThat(buckets.tryAcquire("a")).isEqualTo(2);
    }

    @Test
    void refillsNoHigherThanTheBurst() {
        TokenBuckets buckets = new TokenBuckets(new LimitSettings.Bucket(10.0, 3), 100, now::get);
        now.addAndGet(TimeUnit.SECONDS.toNanos(60));
        for (int i = 0; i < 3; i++) {
            assertThat(buckets.tryAcquire("a")).isZero();
        }
        assertThat(buckets.tryAcquire("a")).isEqualTo(1);
    }

    @Test
    void forgetsIdleClientsWhenTooManyAreTracked() {
        TokenBuckets buckets = new TokenBuckets(new LimitSettings.Bucket(1.0, 1), 3, now::get);
        buckets.tryAcquire("a");
        buckets.tryAcquire("b");
        buckets.tryAcquire("c");
        now.addAndGet(TimeUnit.SECONDS.toNanos(5)); // all refilled: idle
        buckets.tryAcquire("d");
        assertThat(buckets.trackedKeys()).isEqualTo(1);
    }

    @Test
    void busyClientsAreNotForgotten() {
        TokenBuckets buckets = new TokenBuckets(new LimitSettings.Bucket(1.0, 1), 2, now::get);
        buckets.tryAcquire("a");
        buckets.tryAcquire("b");
        buckets.tryAcquire("c"); // a and b still empty: kept, the map grows past the soft bound
        assertThat(buckets.tryAcquire("a")).isEqualTo(1);
    }
}
