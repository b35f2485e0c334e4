package org.outward.platform.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The inbox never forgets an event id while its record can still be delivered again. */
class RetentionPropertiesTest {

    @Test
    void defaultsAreDocumentedValues() {
        RetentionProperties defaults = new RetentionProperties(null, null, null);
        assertThat(defaults.inbox()).isEqualTo(Duration.ofDays(30));
        assertThat(defaults.kafkaRetention()).isEqualTo(Duration.ofDays(7));
        assertThat(defaults.sweepInterval()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void anInboxThatForgetsBeforeTheBrokerDoesIsRefusedAtStart() {
        assertThatThrownBy(() -> new RetentionProperties(null, Duration.ofDays(7), Duration.ofDays(7)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("outward.retention.inbox");
        assertThatThrownBy(() -> new RetentionProperties(null, Duration.ofDays(20), Duration.ofDays(30)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new RetentionProperties(null, Duration.ofDays(8), Duration.ofDays(7)).inbox())
                .isEqualTo(Duration.ofDays(8));
    }
}
