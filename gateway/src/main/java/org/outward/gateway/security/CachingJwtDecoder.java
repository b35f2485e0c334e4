package org.outward.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Remembers tokens that passed full validation (signature, issuer, audience, expiry), keyed by the exact
 * token string, so a client sending the same token again and again (every API call of a session) costs
 * a map look-up instead of an RSA signature check.
 *
 * <p>Safe because a token string is immutable and signed: the same string always validates the same way,
 * except for time. So an entry is used only until the earlier of the token's {@code exp} and
 * {@link #MAX_AGE} after it was validated (this also bounds how long a rotated-out signing key keeps
 * working). Failures are never cached. The map is bounded: when full, expired entries are dropped, and
 * if that is not enough, everything (a cache miss only costs one validation).
 *
 * <p>The cache only saves the signature check. Whether the token's bearer may still act is decided on every
 * request after it ({@link RosterGate}, then each service), so a cached token never outlives a revocation.
 */
public final class CachingJwtDecoder implements ReactiveJwtDecoder {

    static final Duration MAX_AGE = Duration.ofSeconds(60);

    private record Entry(Jwt jwt, Instant usableUntil) {
    }

    private final ReactiveJwtDecoder delegate;
    private final Clock clock;
    private final int maxEntries;
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();

    public CachingJwtDecoder(ReactiveJwtDecoder delegate, Clock clock, int maxEntries) {
        this.delegate = delegate;
        this.clock = clock;
        this.maxEntries = maxEntries;
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Instant now = clock.instant();
        Entry entry = cache.get(token);
        if (entry != null) {
            if (now.isBefore(entry.usableUntil())) {
                return Mono.just(entry.jwt());
            }
            cache.remove(token, entry);
        }
        return delegate.decode(token).doOnNext(jwt -> remember(token, jwt));
    }

    private void remember(String token, Jwt jwt) {
        Instant now = clock.instant();
        Instant until = now.plus(MAX_AGE);
        if (jwt.getExpiresAt() != null && jwt.getExpiresAt().isBefore(until)) {
            until = jwt.getExpiresAt();
        }
        if (!now.isBefore(until)) {
            return; // accepted within the validator's clock skew only: validate every time
        }
        if (cache.size() >= maxEntries) {
            evict(now);
        }
        cache.put(token, new Entry(jwt, until));
    }

    private void evict(Instant now) {
        for (Iterator<Entry> it = cache.values().iterator(); it.hasNext();) {
            if (!now.isBefore(it.next().usableUntil())) {
                it.remove();
            }
        }
        if (cache.size() >= maxEntries) {
            cache.clear();
        }
    }

    int size() {
        return cache.size();
    }
}
