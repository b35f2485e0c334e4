package org.outward.notification.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.outward.notification.ServiceTest;
import org.outward.notification.delivery.EmailOutbox;
import org.outward.notification.digest.DigestClaims;
import org.outward.notification.digest.DigestReturns;
import org.outward.notification.feed.FeedStore;
import org.outward.platform.inbox.Inbox;
import org.outward.platform.retention.RetentionSweeper;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Each collection keeps its documents for its retention (defaults: inbox 30 days, claims 90, emails 90 with bodies 14,
 * feed items 180) and no longer: the sweeper deletes the older ones (the embedded MongoDB ignores TTL) and every
 * collection gets its TTL index for a real MongoDB.
 */
class RetentionTest extends ServiceTest {

    @Autowired
    RetentionSweeper sweeper;

    @Test
    void whatIsPastItsRetentionGoesAndTheRestStays() {
        Instant now = clock.instant();
        String run = UUID.randomUUID().toString().substring(0, 8);
        Date days31 = Date.from(now.minus(Duration.ofDays(31)));
        Date days29 = Date.from(now.minus(Duration.ofDays(29)));
        Date days91 = Date.from(now.minus(Duration.ofDays(91)));
        Date days89 = Date.from(now.minus(Duration.ofDays(89)));
        Date days15 = Date.from(now.minus(Duration.ofDays(15)));
        Date days181 = Date.from(now.minus(Duration.ofDays(181)));
        Date days179 = Date.from(now.minus(Duration.ofDays(179)));

        insert(Inbox.COLLECTION, "old-event-" + run, "processedAt", days31);
        insert(Inbox.COLLECTION, "new-event-" + run, "processedAt", days29);
        insert(Inbox.COLLECTION + ".themes", "old-event-" + run, "processedAt", days31);
        insert(DigestClaims.COLLECTION, "m|old-" + run, "at", days91);
        insert(DigestClaims.COLLECTION, "m|new-" + run, "at", days89);
        insert(DigestReturns.COLLECTION, "m|old-" + run, "at", days91);
        insert(FeedStore.ITEMS, "note:old-" + run, "receivedAt", days181);
        insert(FeedStore.ITEMS, "note:new-" + run, "receivedAt", days179);
        mongo.insert(email("old-" + run, days91), EmailOutbox.COLLECTION);
        mongo.insert(email("body-gone-" + run, days15), EmailOutbox.COLLECTION);
        mongo.insert(email("body-kept-" + run, Date.from(now.minus(Duration.ofDays(13)))), EmailOutbox.COLLECTION);

        assertThat(sweeper.sweep()).isGreaterThanOrEqualTo(7);

        assertThat(exists(Inbox.COLLECTION, "old-event-" + run)).isFalse();
        assertThat(exists(Inbox.COLLECTION, "new-event-" + run)).isTrue();
        assertThat(exists(Inbox.COLLECTION + ".themes", "old-event-" + run)).isFalse();
        assertThat(exists(DigestClaims.COLLECTION, "m|old-" + run)).isFalse();
        assertThat(exists(DigestClaims.COLLECTION, "m|new-" + run)).isTrue();
        assertThat(exists(DigestReturns.COLLECTION, "m|old-" + run)).isFalse();
        assertThat(exists(FeedStore.ITEMS, "note:old-" + run)).isFalse();
        assertThat(exists(FeedStore.ITEMS, "note:new-" + run)).isTrue();
        assertThat(exists(EmailOutbox.COLLECTION, "old-" + run)).isFalse();
        Document stripped = mongo.findById("body-gone-" + run, Document.class, EmailOutbox.COLLECTION);
        assertThat(stripped).doesNotContainKeys("html", "text").containsEntry("subject", "s");
        assertThat(mongo.findById("body-kept-" + run, Document.class, EmailOutbox.COLLECTION)).containsKey("html");

        // TTL indexes for a real MongoDB, with each collection's retention.
        assertThat(ttlSeconds(Inbox.COLLECTION, "processedAt")).isEqualTo(Duration.ofDays(30).toSeconds());
        assertThat(ttlSeconds(Inbox.COLLECTION + ".themes", "processedAt")).isEqualTo(Duration.ofDays(30).toSeconds());
        assertThat(ttlSeconds(DigestClaims.COLLECTION, "at")).isEqualTo(Duration.ofDays(90).toSeconds());
        assertThat(ttlSeconds(EmailOutbox.COLLECTION, "createdAt")).isEqualTo(Duration.ofDays(90).toSeconds());
        assertThat(ttlSeconds(FeedStore.ITEMS, "receivedAt")).isEqualTo(Duration.ofDays(180).toSeconds());
    }

    private void insert(String collection, String id, String field, Date at) {
        mongo.insert(new Document("_id", id).append(field, at), collection);
    }

    private boolean exists(String collection, String id) {
        return mongo.findById(id, Document.class, collection) != null;
    }

    private static Document email(String key, Date createdAt) {
        return new Document("_id", key).append("status", "SENT").append("subject", "s").append("text", "t")
                .append("html", "<p>h</p>").append("createdAt", createdAt);
    }

    private Long ttlSeconds(String collection, String field) {
        for (Document index : mongo.getCollection(collection).listIndexes()) {
            if (index.get("key", Document.class).containsKey(field) && index.get("expireAfterSeconds") != null) {
                return index.get("expireAfterSeconds", Number.class).longValue();
            }
        }
        return null;
    }
}
