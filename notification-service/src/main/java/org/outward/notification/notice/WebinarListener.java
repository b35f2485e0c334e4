package org.outward.notification.notice;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.outward.contracts.Events;
import org.outward.contracts.Topics;
import org.outward.notification.UnhandledEvents;
import org.outward.platform.kafka.EventConsumer;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Webinar lifecycle events that cause immediate notices. */
@Component
class WebinarListener {

    private final EventConsumer consumer;
    private final WebinarNotices notices;

    WebinarListener(EventConsumer consumer, WebinarNotices notices) {
        this.consumer = consumer;
        this.notices = notices;
    }

    @KafkaListener(topics = Topics.CATALOG_WEBINARS, groupId = "${spring.application.name}")
    void onRecord(ConsumerRecord<String, String> record) {
        consumer.consume(record, event -> {
            if (event.is(Events.WEBINAR_PUBLISHED)) {
                notices.published(event.envelope(), event.payloadAs(Events.WEBINAR_PUBLISHED));
            } else {
                UnhandledEvents.skipOrReject(record, event);
            }
        });
    }
}
