package org.outward.notes.search;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.outward.contracts.DecodedEvent;
import org.outward.contracts.EventCodec;
import org.outward.contracts.Events;
import org.outward.contracts.notes.NoteDeleted;
import org.outward.contracts.notes.NoteUpdated;
import org.outward.contracts.notes.NoteUploaded;
import org.outward.notes.note.NoteWritten;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps this instance's search index current. A note written through this instance is refreshed right after the
 * write (before the response: a note just made private or deleted is out of search at once); a note written
 * through another instance arrives as its event. Every instance indexes in memory, so each has a consumer group of
 * its own and starts at the end of the topic (what came before is in the rebuild from MongoDB). A refresh re-reads
 * the note, so duplicates and order do not matter and no inbox is needed.
 */
@Component
class SearchIndexListener {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexListener.class);

    private final SearchIndex index;
    private final EventCodec codec;

    SearchIndexListener(SearchIndex index, EventCodec codec) {
        this.index = index;
        this.codec = codec;
    }

    @EventListener
    void onWrite(NoteWritten written) {
        try {
            index.refresh(written.noteId());
        } catch (RuntimeException e) {
            // The write itself succeeded; its event refreshes the index again shortly.
            log.warn("search index refresh failed note={}; its event will retry", written.noteId(), e);
        }
    }

    @KafkaListener(topics = org.outward.contracts.Topics.NOTES_NOTES,
            groupId = "notes-service-search-#{T(java.util.UUID).randomUUID()}",
            properties = "auto.offset.reset=latest")
    void onNoteEvent(ConsumerRecord<String, String> record) {
        DecodedEvent<?> event;
        try {
            event = codec.decode(record.value());
        } catch (RuntimeException e) {
            // Nothing to index from a record that is not a note event; the main consumers deal with poison.
            log.warn("search listener skipped an undecodable record offset={}", record.offset());
            return;
        }
        String noteId = null;
        if (event.is(Events.NOTE_UPLOADED) || event.is(Events.NOTE_UPLOADED_V1)) {
            noteId = ((NoteUploaded) event.payload()).noteId();
        } else if (event.is(Events.NOTE_UPDATED) || event.is(Events.NOTE_UPDATED_V1)) {
            noteId = ((NoteUpdated) event.payload()).noteId();
        } else if (event.is(Events.NOTE_DELETED)) {
            NoteDeleted deleted = event.payloadAs(Events.NOTE_DELETED);
            noteId = deleted.noteId();
        }
        if (noteId != null) {
            index.refresh(noteId);
        }
    }
}
