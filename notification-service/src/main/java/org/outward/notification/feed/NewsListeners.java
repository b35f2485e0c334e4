package org.outward.notification.feed;

import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.outward.contracts.EventEnvelope;
import org.outward.contracts.Events;
import org.outward.contracts.Topics;
import org.outward.contracts.catalog.ProgressRecorded;
import org.outward.contracts.notes.CommunityStageCalibrated;
import org.outward.contracts.notes.NoteUpdated;
import org.outward.contracts.notes.NoteUploaded;
import org.outward.contracts.notes.ThemeData;
import org.outward.contracts.notes.ThemesUpdated;
import org.outward.notification.UnhandledEvents;
import org.outward.notification.notice.ItemNotices;
import org.outward.notification.preference.NewsKind;
import org.outward.platform.kafka.EventConsumer;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Notes, themes, calibrations and progress events, turned into feed items (and immediate notices for those
 * who want them). A private note never becomes an item; a shared note that turns private or is deleted is
 * withdrawn, so digests not yet sent leave it out.
 */
@Component
class NewsListeners {

    private final EventConsumer consumer;
    private final FeedStore feed;
    private final ItemNotices notices;

    NewsListeners(EventConsumer consumer, FeedStore feed, ItemNotices notices) {
        this.consumer = consumer;
        this.feed = feed;
        this.notices = notices;
    }

    @KafkaListener(topics = Topics.NOTES_NOTES, groupId = "${spring.application.name}")
    void onNote(ConsumerRecord<String, String> record) {
        consumer.consume(record, event -> {
            EventEnvelope envelope = event.envelope();
            if (event.is(Events.NOTE_UPLOADED)) {
                NoteUploaded note = event.payloadAs(Events.NOTE_UPLOADED);
                shared(envelope, note.noteId(), note.libraryId(), note.cohortId(), note.title(), note.visibility(),
                        note.uploadedAt());
            } else if (event.is(Events.NOTE_UPDATED)) {
                NoteUpdated note = event.payloadAs(Events.NOTE_UPDATED);
                shared(envelope, note.noteId(), note.libraryId(), note.cohortId(), note.title(), note.visibility(),
                        note.updatedAt());
            } else if (event.is(Events.NOTE_DELETED)) {
                feed.withdraw(noteItem(event.payloadAs(Events.NOTE_DELETED).noteId()), envelope.occurredAt());
            } else {
                UnhandledEvents.skipOrReject(record, event);
            }
        });
    }

    private void shared(EventEnvelope envelope, String noteId, String libraryId, String cohortId, String title,
            String visibility, Instant at) {
        if (!NoteUploaded.VISIBILITY_COHORT.equals(visibility) || cohortId == null) {
            feed.withdraw(noteItem(noteId), envelope.occurredAt());
            return;
        }
        feed.upsertItem(noteItem(noteId), NewsKind.COHORT_NOTES, cohortId, libraryId, title,
                at == null ? envelope.occurredAt() : at,
                new Document("noteId", noteId).append("visibility", visibility), envelope.occurredAt())
                .ifPresent(item -> notices.notify(envelope, item));
    }

    private static String noteItem(String noteId) {
        return "note:" + noteId;
    }

    @KafkaListener(topics = Topics.NOTES_THEMES, groupId = "${spring.application.name}")
    void onThemes(ConsumerRecord<String, String> record) {
        consumer.consume(record, event -> {
            if (!event.is(Events.THEMES_UPDATED)) {
                UnhandledEvents.skipOrReject(record, event);
                return;
            }
            ThemesUpdated themes = event.payloadAs(Events.THEMES_UPDATED);
            List<String> labels = themes.themes() == null ? List.of()
                    : themes.themes().stream().map(ThemeData::label).toList();
            EventEnvelope envelope = event.envelope();
            if (ThemesUpdated.SCOPE_LIBRARY.equals(themes.scope()) && themes.libraryId() != null) {
                feed.libraryThemes(themes.libraryId(), labels, envelope.occurredAt());
            } else if (ThemesUpdated.SCOPE_COHORT.equals(themes.scope()) && themes.cohortId() != null) {
                feed.upsertItem("themes:" + envelope.id(), NewsKind.THEMES, themes.cohortId(), null,
                        "Cohort themes", themes.computedAt() == null ? envelope.occurredAt() : themes.computedAt(),
                        new Document("themes", labels), envelope.occurredAt())
                        .ifPresent(item -> notices.notify(envelope, item));
            }
        });
    }

    @KafkaListener(topics = Topics.NOTES_CALIBRATIONS, groupId = "${spring.application.name}")
    void onCalibration(ConsumerRecord<String, String> record) {
        consumer.consume(record, event -> {
            if (!event.is(Events.COMMUNITY_STAGE_CALIBRATED)) {
                UnhandledEvents.skipOrReject(record, event);
                return;
            }
            CommunityStageCalibrated calibration = event.payloadAs(Events.COMMUNITY_STAGE_CALIBRATED);
            if (calibration.cohortId() == null) {
                return; // a library outside any cohort: nobody to tell
            }
            EventEnvelope envelope = event.envelope();
            // Reasons and supporting notes stay out: they may describe private notes.
            feed.upsertItem("calibration:" + calibration.calibrationId(), NewsKind.CALIBRATIONS,
                    calibration.cohortId(), calibration.libraryId(), calibration.stage(),
                    calibration.calibratedAt() == null ? envelope.occurredAt() : calibration.calibratedAt(),
                    new Document("stage", calibration.stage()).append("previousStage", calibration.previousStage()),
                    envelope.occurredAt())
                    .ifPresent(item -> notices.notify(envelope, item));
        });
    }

    @KafkaListener(topics = Topics.CATALOG_PROGRESS, groupId = "${spring.application.name}")
    void onProgress(ConsumerRecord<String, String> record) {
        consumer.consume(record, event -> {
            if (!event.is(Events.PROGRESS_RECORDED)) {
                UnhandledEvents.skipOrReject(record, event);
                return;
            }
            ProgressRecorded progress = event.payloadAs(Events.PROGRESS_RECORDED);
            if (ProgressRecorded.KIND_WEBINAR_WATCHED.equals(progress.kind())) {
                feed.progress(progress.libraryId(), progress.webinarId(), progress.done(),
                        event.envelope().occurredAt());
            }
        });
    }
}
