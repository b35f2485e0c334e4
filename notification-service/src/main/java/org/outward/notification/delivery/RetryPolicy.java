package org.outward.notification.delivery;

import java.time.Duration;

/** Exponential backoff between attempts (initial, 2x, 4x ... capped) and when to give up. */
public record RetryPolicy(Duration initialBackoff, Duration maxBackoff, int maxAttempts) {

    public static RetryPolicy from(DeliveryProperties properties) {
        return new RetryPolicy(properties.initialBackoff(), properties.maxBackoff(), properties.maxAttempts());
    }

    /** The wait after the given number of attempts (1 = after the first). */
    public Duration backoffAfter(int attempts) {
        int doublings = Math.max(0, attempts - 1);
        if (doublings >= 31) {
            return maxBackoff;
        }
        Duration wait = initialBackoff.multipliedBy(1L << doublings);
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }

    public boolean exhausted(int attempts) {
        return attempts >= maxAttempts;
    }
}
