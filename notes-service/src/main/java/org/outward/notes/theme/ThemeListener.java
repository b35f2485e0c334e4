package org.outward.notes.theme;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.outward.contracts.DecodedEvent;
import org.outward.contracts.Events;
import org.outward.contracts.Topics;
import org.outward.contracts.notes.NoteDeleted;
import org.outward.contracts.notes.NoteUpdated;
import org.outward.contracts.notes.NoteUploaded;
import org.outward.platform.kafka.EventConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps theme snapshots current: every note event of this very service (own consumer group, so the themes
 * follow the notes at their own pace) recomputes the themes of the note's library and of its cohort. The
 * recomputation reads the notes as they are now, so an event handled late or twice does no harm.
 */
@Component
class ThemeListener {

    static final String GROUP = "notes-service-themes";

    private static final Logger log = LoggerFactory.getLogger(ThemeListener.class);

    private final EventConsumer consumer;
    private final ThemeRefresher refresher;
    private final StoredThemeVectors vectors;

    ThemeListener(EventConsumer consumer, ThemeRefresher refresher, StoredThemeVectors vectors) {
        // An inbox of its own: the service's main consumer group may read the same topic.
        this.consumer = consumer.named("themes");
        this.refresher = refresher;
        this.vectors = vectors;
    }

    @KafkaListener(topics = Topics.NOTES_NOTES, groupId = GROUP)
    void onNoteEvent(ConsumerRecord<String, String> record) {
        consumer.consume(record, this::handle);
    }

    private void handle(DecodedEvent<?> event) {
        // Both versions: only the library and cohort are read, which v1 and v2 carry alike.
        if (event.is(Events.NOTE_UPLOADED) || event.is(Events.NOTE_UPLOADED_V1)) {
            NoteUploaded uploaded = (NoteUploaded) event.payload();
            refresher.refresh(uploaded.libraryId(), uploaded.cohortId());
        } else if (event.is(Events.NOTE_UPDATED) || event.is(Events.NOTE_UPDATED_V1)) {
            NoteUpdated updated = (NoteUpdated) event.payload();
            refresher.refresh(updated.libraryId(), updated.cohortId());
        } else if (event.is(Events.NOTE_DELETED)) {
            NoteDeleted deleted = event.payloadAs(Events.NOTE_DELETED);
            // Its sentences leave the store with it: nothing of a deleted note is kept for themes.
            vectors.delete(deleted.noteId());
            refresher.refresh(deleted.libraryId(), deleted.cohortId());
        } else {
            log.info("ignored {} id={}", event.type().qualifiedName(), event.envelope().id());
        }
    }
}
