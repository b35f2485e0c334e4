package org.outward.notification.notice;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.outward.contracts.Events;
import org.outward.contracts.Topics;
import org.outward.contracts.catalog.WebinarPublished;
import org.outward.contracts.catalog.WebinarUpdated;
import org.outward.platform.kafka.UnhandledEvents;
import org.outward.notification.feed.FeedStore;
import org.outward.notification.preference.NewsKind;
import org.outward.platform.kafka.EventConsumer;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Webinar lifecycle: a published webinar becomes an item of the feed (for digests and reminders) and an
 * immediate notice for those who want one; an archived one is withdrawn from digests not yet sent.
 */
@Component
class WebinarListener {

    static final String ITEM_PREFIX = "webinar:";

    private final EventConsumer consumer;
    private final WebinarNotices notices;
    private final FeedStore feed;

    WebinarListener(EventConsumer consumer, WebinarNotices notices, FeedStore feed) {
        this.consumer = consumer;
        this.notices = notices;
        this.feed = feed;
    }

    @KafkaListener(topics = Topics.CATALOG_WEBINARS, groupId = "${spring.application.name}")
    void onRecord(ConsumerRecord<String, String> record) {
        consumer.consume(record, event -> {
            var at = event.envelope().occurredAt();
            if (event.is(Events.WEBINAR_PUBLISHED)) {
                WebinarPublished webinar = event.payloadAs(Events.WEBINAR_PUBLISHED);
                String itemId = ITEM_PREFIX + webinar.webinarId();
                feed.webinarPublished(webinar.webinarId(), webinar.title(), webinar.slug(), webinar.publishedAt(), at);
                feed.upsertItem(itemId, NewsKind.NEW_WEBINAR, null, null, webinar.title(),
                        webinar.publishedAt() == null ? at : webinar.publishedAt(),
                        new Document("webinarId", webinar.webinarId()).append("slug", webinar.slug())
                                .append("summary", webinar.summary()), at);
                notices.published(event.envelope(), webinar, itemId);
            } else if (event.is(Events.WEBINAR_ARCHIVED)) {
                String id = event.payloadAs(Events.WEBINAR_ARCHIVED).webinarId();
                feed.webinarArchived(id, at);
                feed.withdraw(ITEM_PREFIX + id, at);
            } else if (event.is(Events.WEBINAR_UPDATED)) {
                WebinarUpdated webinar = event.payloadAs(Events.WEBINAR_UPDATED);
                boolean archived = "archived".equals(webinar.status());
                feed.webinarUpdated(webinar.webinarId(), webinar.title(), webinar.slug(), archived, at);
                if (archived) {
                    feed.withdraw(ITEM_PREFIX + webinar.webinarId(), at);
                }
            } else {
                UnhandledEvents.skipOrReject(record, event);
            }
        });
    }

}
