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
 * @param orphanedClaimsAfter a claim this old whose email was never queued (its consumer's record went to the
 *                         dead-letter topic) is released, so the item is not hidden from that person for good
 * @param claimSweepInterval how often claims of failed and never-queued emails are looked for
 * @param batchSize        recipients whose digests a run builds together, one database round trip per step for all of
 *                         them (more: fewer round trips, more memory while the batch is built)
 * @param threads          batches built at the same time (they share no recipient); each holds a database connection
 */
@ConfigurationProperties("outward.digest")
public record DigestProperties(Boolean schedulerEnabled, Duration interval, Duration lockLease, Duration lookback,
        Duration remindAfter, Integer maxItemsPerGroup, Duration orphanedClaimsAfter, Duration claimSweepInterval,
        Integer batchSize, Integer threads) {

    public DigestProperties {
        schedulerEnabled = schedulerEnabled == null || schedulerEnabled;
        interval = interval == null ? Duration.ofMinutes(1) : interval;
        lockLease = lockLease == null ? Duration.ofMinutes(10) : lockLease;
        lookback = lookback == null ? Duration.ofDays(2) : lookback;
        remindAfter = remindAfter == null ? Duration.ofDays(7) : remindAfter;
        maxItemsPerGroup = maxItemsPerGroup == null ? 10 : maxItemsPerGroup;
        orphanedClaimsAfter = orphanedClaimsAfter == null ? Duration.ofHours(1) : orphanedClaimsAfter;
        claimSweepInterval = claimSweepInterval == null ? Duration.ofMinutes(10) : claimSweepInterval;
        batchSize = batchSize == null || batchSize < 1 ? 100 : batchSize;
        threads = threads == null || threads < 1 ? 2 : threads;
    }
}
