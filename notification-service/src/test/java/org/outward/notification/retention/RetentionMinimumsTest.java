package org.outward.notification.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.outward.notification.digest.DigestProperties;
import org.outward.platform.retention.RetentionProperties;

/** No retention of notification-service may be shorter than its dedupe needs: refused at start, saying why. */
class RetentionMinimumsTest {

    private final RetentionConfiguration configuration = new RetentionConfiguration();
    private final DigestProperties digest = new DigestProperties(null, null, null, null, null, null, null, null, null, null);
    private final RetentionProperties platform = new RetentionProperties(null, null, null);

    @Test
    void theDefaultsPass() {
        NotificationRetention defaults = new NotificationRetention(null, null, null, null);
        assertThat(configuration.digestClaimsRetention(defaults, digest).keep()).isEqualTo(Duration.ofDays(90));
        assertThat(configuration.feedItemsRetention(defaults, digest).keep()).isEqualTo(Duration.ofDays(180));
        assertThat(configuration.emailsRetention(defaults, platform).keep()).isEqualTo(Duration.ofDays(90));
    }

    @Test
    void aClaimOrFeedItemThatGoesWhileItCanStillBeADigestCandidateIsRefused() {
        Duration tooShort = RetentionConfiguration.candidateAge(digest).minusHours(1);
        NotificationRetention retention = new NotificationRetention(tooShort, null, null, tooShort);
        assertThatThrownBy(() -> configuration.digestClaimsRetention(retention, digest))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outward.retention.digest-claims");
        assertThatThrownBy(() -> configuration.feedItemsRetention(retention, digest))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outward.retention.feed-items");
    }

    @Test
    void anEmailKeyThatGoesBeforeTheInboxForgetsItsEventIsRefused() {
        NotificationRetention retention = new NotificationRetention(null, platform.inbox().minusDays(1), null, null);
        assertThatThrownBy(() -> configuration.emailsRetention(retention, platform))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outward.retention.emails");
    }
}
