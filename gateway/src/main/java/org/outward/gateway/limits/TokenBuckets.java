package org.outward.gateway.limits;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * In-memory token buckets, one per key (a user or an IP). Each gateway instance limits on its own, which
 * is what a single gateway needs; several instances would need a shared store (e.g. Redis).
 * Bounded: when more than {@code maxKeys} clients are tracked, buckets that have refilled completely
 * (idle clients, indistinguishable from new ones) are dropped.
 */
final class TokenBuckets {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final double tokensPerNano;
    private final double capacity;
    private final int maxKeys;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    TokenBuckets(LimitSettings.Bucket settings, int maxKeys, LongSupplier nanoTime) {
        this.tokensPerNano = settings.requestsPerSecond() / NANOS_PER_SECOND;
        this.capacity = settings.burst();
        this.maxKeys = maxKeys;
        this.nanoTime = nanoTime;
    }

    /**
     * Takes one token for {@code key}.
     *
     * @return 0 when allowed, otherwise the whole seconds (at least 1) until a token is available
     */
    long tryAcquire(String key) {
        long now = nanoTime.getAsLong();
        Bucket bucket = buckets.get(key);
        if (bucket == null) {
            if (buckets.size() >= maxKeys) {
                buckets.values().removeIf(b -> b.isFull(now));
            }
            bucket = buckets.computeIfAbsent(key, k -> new Bucket(capacity, now));
        }
        return bucket.tryAcquire(now);
    }

    int trackedKeys() {
        return buckets.size();
    }

    private final class Bucket {
        private double tokens;
        private long updated;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updated = now;
        }

        synchronized long tryAcquire(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            double missingNanos = (1 - tokens) / tokensPerNano;
            return Math.max(1, (long) Math.ceil(missingNanos / NANOS_PER_SECOND));
        }

        synchronized boolean isFull(long now) {
            refill(now);
            return tokens >= capacity;
        }

        private void refill(long now) {
            if (now > updated) {
                tokens = Math.min(capacity, tokens + (now - updated) * tokensPerNano);
                updated = now;
            }
        }
    }
}
