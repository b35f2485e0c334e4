package org.outward.notification.retention;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.outward.notification.delivery.EmailOutbox;
import org.outward.notification.delivery.EmailStatus;
import org.outward.notification.digest.DigestClaims;
import org.outward.notification.digest.DigestProperties;
import org.outward.notification.digest.DigestReturns;
import org.outward.notification.feed.FeedStore;
import org.outward.platform.retention.RetentionProperties;
import org.outward.platform.retention.RetentionRule;
import org.outward.platform.retention.RetentionTask;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The retention of each collection of notification-service, enforced by the platform's sweeper and TTL indexes,
 * never shorter than dedupe needs (checked here at start, reasons in docs/retention.md).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationRetention.class)
class RetentionConfiguration {

    /** A digest window reaches back this far at most: lookback, plus a reminder's delay, plus a weekly window. */
    static Duration candidateAge(DigestProperties digest) {
        return digest.lookback().plus(digest.remindAfter()).plusDays(8);
    }

    @Bean
    RetentionRule digestClaimsRetention(NotificationRetention retention, DigestProperties digest) {
        atLeast("outward.retention.digest-claims", retention.digestClaims(), candidateAge(digest),
                "an item can be a digest candidate that long after it arrived; its claim keeps it to one email");
        return new RetentionRule(DigestClaims.COLLECTION, "at", retention.digestClaims());
    }

    @Bean
    RetentionRule digestReturnsRetention(NotificationRetention retention) {
        return new RetentionRule(DigestReturns.COLLECTION, "at", retention.digestClaims());
    }

    @Bean
    RetentionRule feedItemsRetention(NotificationRetention retention, DigestProperties digest) {
        atLeast("outward.retention.feed-items", retention.feedItems(), candidateAge(digest),
                "digests read items that old");
        return new RetentionRule(FeedStore.ITEMS, "receivedAt", retention.feedItems());
    }

    @Bean
    RetentionRule emailsRetention(NotificationRetention retention, RetentionProperties platform) {
        atLeast("outward.retention.emails", retention.emails(), platform.inbox(),
                "an email's key refuses a second email for a redelivered event as long as the inbox could miss it");
        // Descending: the delivery log lists newest first.
        return new RetentionRule(EmailOutbox.COLLECTION, "createdAt", retention.emails(), Sort.Direction.DESC);
    }

    /** Bodies go first (they are most of an email's bytes); the envelope stays for the delivery log. */
    @Bean
    RetentionTask emailBodiesRetention(MongoTemplate mongo, NotificationRetention retention) {
        atLeast("outward.retention.email-bodies", retention.emailBodies(), Duration.ofDays(1),
                "keep a day of bodies for a look at what was sent");
        return new RetentionTask() {
            @Override
            public String name() {
                return "email-bodies";
            }

            @Override
            public long run(Instant now) {
                Query old = Query.query(Criteria.where("status").in(EmailStatus.SENT.name(), EmailStatus.FAILED.name())
                        .and("createdAt").lt(Date.from(now.minus(retention.emailBodies()))).and("html").exists(true));
                return mongo.updateMulti(old, new Update().unset("html").unset("text")
                        .set("bodyRemovedAt", Date.from(now)), EmailOutbox.COLLECTION).getModifiedCount();
            }
        };
    }

    private static void atLeast(String property, Duration value, Duration minimum, String why) {
        if (value.compareTo(minimum) < 0) {
            throw new IllegalArgumentException(property + " (" + value + ") must be at least " + minimum + ": " + why);
        }
    }
}
