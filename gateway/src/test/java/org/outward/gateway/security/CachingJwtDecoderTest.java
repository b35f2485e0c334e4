package org.outward.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/** The validated-token cache: never longer than the token's expiry or a minute, never for failures. */
class CachingJwtDecoderTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T10:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private final AtomicInteger validations = new AtomicInteger();
    private Instant expiry = Instant.parse("2026-01-01T10:10:00Z");

    private final ReactiveJwtDecoder validating = token -> {
        validations.incrementAndGet();
        if (token.startsWith("bad") || !now.get().isBefore(expiry)) {
            return Mono.error(new BadJwtException("invalid"));
        }
        return Mono.just(Jwt.withTokenValue(token).header("alg", "RS256").subject("s")
                .issuedAt(now.get().minusSeconds(1)).expiresAt(expiry).build());
    };

    @Test
    void aRepeatedTokenIsValidatedOncePerMinute() {
        CachingJwtDecoder decoder = new CachingJwtDecoder(validating, clock, 100);
        assertThat(decoder.decode("t1").block().getSubject()).isEqualTo("s");
        assertThat(decoder.decode("t1").block().getSubject()).isEqualTo("s");
        assertThat(validations).hasValue(1);

        now.set(now.get().plus(Duration.ofSeconds(61)));
        decoder.decode("t1").block();
        assertThat(validations).hasValue(2);
    }

    @Test
    void aCachedTokenStopsWorkingAtItsExpiry() {
        expiry = now.get().plusSeconds(20);
        CachingJwtDecoder decoder = new CachingJwtDecoder(validating, clock, 100);
        decoder.decode("t1").block();

        now.set(expiry);
        assertThatThrownBy(() -> decoder.decode("t1").block()).isInstanceOf(BadJwtException.class);
        assertThat(validations).hasValue(2);
    }

    @Test
    void failuresAreNeverCached() {
        CachingJwtDecoder decoder = new CachingJwtDecoder(validating, clock, 100);
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> decoder.decode("bad").block()).isInstanceOf(BadJwtException.class);
        }
        assertThat(validations).hasValue(2);
        assertThat(decoder.size()).isZero();
    }

    @Test
    void staysBounded() {
        CachingJwtDecoder decoder = new CachingJwtDecoder(validating, clock, 3);
        for (int i = 0; i < 10; i++) {
            decoder.decode("t" + i).block();
        }
        assertThat(decoder.size()).isLessThanOrEqualTo(3);
    }
}
