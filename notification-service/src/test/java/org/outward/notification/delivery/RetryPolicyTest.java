package org.outward.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(1), Duration.ofMinutes(5), 10);

    @Test
    void backoffDoublesFromTheInitialWaitUpToTheCap() {
        assertThat(policy.backoffAfter(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.backoffAfter(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.backoffAfter(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(policy.backoffAfter(9)).isEqualTo(Duration.ofSeconds(256));
        assertThat(policy.backoffAfter(10)).isEqualTo(Duration.ofMinutes(5));
        assertThat(policy.backoffAfter(1_000)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void givesUpAfterMaxAttempts() {
        assertThat(policy.exhausted(9)).isFalse();
        assertThat(policy.exhausted(10)).isTrue();
    }

    @Test
    void defaultsMatchTheDocumentedOnes() {
        DeliveryProperties defaults = new DeliveryProperties(null, null, null, null, null, null, null, null, null, null, null);
        assertThat(defaults.from()).isEqualTo("Outward <no-reply@outward.local>");
        assertThat(RetryPolicy.from(defaults)).isEqualTo(policy);
        assertThat(defaults.senderEnabled()).isTrue();
    }
}
