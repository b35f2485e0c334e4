package org.outward.notification.recipient;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.outward.contracts.Events;
import org.outward.contracts.Topics;
import org.outward.platform.kafka.UnhandledEvents;
import org.outward.platform.kafka.EventConsumer;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Keeps the roster read model in step with the catalog's roster events. */
@Component
class RosterListener {

    private final EventConsumer consumer;
    private final RosterReadModel roster;

    RosterListener(EventConsumer consumer, RosterReadModel roster) {
        this.consumer = consumer;
        this.roster = roster;
    }

    @KafkaListener(topics = Topics.CATALOG_ROSTER, groupId = "${spring.application.name}")
    void onRecord(ConsumerRecord<String, String> record) {
        consumer.consume(record, event -> {
            if (event.is(Events.LIBRARY_JOINED_COHORT)) {
                roster.libraryJoined(event.payloadAs(Events.LIBRARY_JOINED_COHORT), event.envelope().occurredAt());
            } else if (event.is(Events.MEMBER_ADDED)) {
                roster.memberAdded(event.payloadAs(Events.MEMBER_ADDED), event.envelope().occurredAt());
            } else if (event.is(Events.MEMBER_REMOVED)) {
                roster.memberRemoved(event.payloadAs(Events.MEMBER_REMOVED), event.envelope().occurredAt());
            } else if (event.is(Events.LIBRARY_LEFT_COHORT)) {
                roster.libraryLeft(event.payloadAs(Events.LIBRARY_LEFT_COHORT), event.envelope().occurredAt());
            } else {
                UnhandledEvents.skipOrReject(record, event);
            }
        });
    }
}
