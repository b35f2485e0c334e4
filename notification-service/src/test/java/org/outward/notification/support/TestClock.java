package org.outward.notification.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The service's clock in tests: real time plus an offset that tests move forward only (so emails queued
 * "earlier" never become due "later" than the sender sees them).
 */
public final class TestClock extends Clock {

    private final AtomicLong offsetMillis = new AtomicLong();

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return Instant.now().plusMillis(offsetMillis.get());
    }

    /** Moves the clock forward to {@code target} (no-op when it is already past it). */
    public Instant advanceTo(Instant target) {
        offsetMillis.accumulateAndGet(target.toEpochMilli() - System.currentTimeMillis(), Math::max);
        return instant();
    }

    public Instant advance(Duration by) {
        offsetMillis.addAndGet(by.toMillis());
        return instant();
    }
}
