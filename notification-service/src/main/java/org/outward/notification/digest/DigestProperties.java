package org.outward.notification.digest;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param schedulerEnabled whether this instance runs digests by itself (staff can always trigger a run)
 * @param interval         how often the scheduler looks for due digests
 * @param lockLease        how long a run holds the lock in MongoDB; another instance takes over after it
 * @param lookback         how far before the previous window's end unclaimed items are still looked for
 * @param remindAfter      a webinar unwatched this long after it was published is reminded of (once)
 * @param maxItemsPerGroup items listed per group in one email; the rest are counted ("and 12 more")
 */
@ConfigurationProperties("outward.digest")
public record DigestProperties(Boolean schedulerEnabled, Duration interval, Duration lockLease, Duration lookback,
        Duration remindAfter, Integer maxItemsPerGroup) {

    public DigestProperties {
        schedulerEnabled = schedulerEnabled == null || schedulerEnabled;
        interval = interval == null ? Duration.ofMinutes(1) : interval;
        lockLease = lockLease == null ? Duration.ofMinutes(10) : lockLease;
        lookback = lookback == null ? Duration.ofDays(2) : lookback;
        remindAfter = remindAfter == null ? Duration.ofDays(7) : remindAfter;
        maxItemsPerGroup = maxItemsPerGroup == null ? 10 : maxItemsPerGroup;
    }
}
