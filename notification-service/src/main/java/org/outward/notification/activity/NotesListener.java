package org.outward.notification.activity;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.outward.contracts.Events;
import org.outward.contracts.Topics;
import org.outward.notification.UnhandledEvents;
import org.outward.platform.kafka.EventConsumer;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Notes events. For now a NoteUploaded is only recorded (the inbox does that once the handler
 * returns) and shown in the activity log; the digests of a later issue will read them from there.
 */
@Component
class NotesListener {

    private final EventConsumer consumer;

    NotesListener(EventConsumer consumer) {
        this.consumer = consumer;
    }

    @KafkaListener(topics = Topics.NOTES_NOTES, groupId = "${spring.application.name}")
    void onRecord(ConsumerRecord<String, String> record) {
        consumer.consume(record, event -> {
            if (!event.is(Events.NOTE_UPLOADED)) {
                UnhandledEvents.skipOrReject(record, event);
            }
        });
    }
}
