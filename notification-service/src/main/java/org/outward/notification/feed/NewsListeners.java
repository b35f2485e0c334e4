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
import org.outward.contracts.notes.CommunityStageCalibratedV1;
import org.outward.contracts.notes.NoteUpdated;
import org.outward.contracts.notes.NoteUploaded;
import org.outward.contracts.notes.ThemeData;
import org.outward.contracts.notes.ThemesUpdated;
import org.outward.platform.kafka.UnhandledEvents;
import org.outward.notification.notice.ItemNotices;
import org.outward.notification.preference.NewsKind;
import org.outward.platform.kafka.EventConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Notes, themes, calibrations and progress events, turned into feed items (and immediate notices for those
 * who want them). A private note never becomes an item; a shared note that turns private or is deleted is
 * withdrawn, so digests not yet sent leave it out. Older event versions still on the topics are accepted, but
 * what they carried of a library's private notes is never used (docs/privacy.md): a v1 event of a private note
 * only withdraws, v1 library-scope themes are ignored, a v1 calibration gives its stage only.
 */
@Component
class NewsListeners {

    private static final Logger log = LoggerFactory.getLogger(NewsListeners.class);

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
            if (event.is(Events.NOTE_UPLOADED) || event.is(Events.NOTE_UPLOADED_V1)) {
                NoteUploaded note = (NoteUploaded) event.payload();
                shared(envelope, note.noteId(), note.libraryId(), note.cohortId(), note.title(), note.visibility(),
                        note.uploadedAt());
            } else if (event.is(Events.NOTE_UPDATED) || event.is(Events.NOTE_UPDATED_V1)) {
                NoteUpdated note = (NoteUpdated) event.payload();
                shared(envelope, note.noteId(), note.libraryId(), note.cohortId(), note.title(), note.visibility(),
                        note.updatedAt());
            } else if (event.is(Events.NOTE_DELETED)) {
                feed.withdraw(noteItem(event.payloadAs(Events.NOTE_DELETED).noteId()), envelope.occurredAt());
            } else {
                UnhandledEvents.skipOrReject(record, event);
            }
        });
    }

    /** A shared note becomes (or stays) an item; any other note only withdraws: its payload is not read. */
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
            if (!event.is(Events.THEMES_UPDATED) && !event.is(Events.THEMES_UPDATED_V1)) {
                UnhandledEvents.skipOrReject(record, event);
                return;
            }
            ThemesUpdated themes = (ThemesUpdated) event.payload();
            EventEnvelope envelope = event.envelope();
            boolean v2 = event.is(Events.THEMES_UPDATED);
            List<String> labels = themes.themes() == null ? List.of()
                    : themes.themes().stream().map(ThemeData::label).toList();
            if (v2 && ThemesUpdated.SCOPE_LIBRARY_SHARED.equals(themes.scope()) && themes.libraryId() != null) {
                feed.librarySharedThemes(themes.libraryId(), labels, envelope.occurredAt());
            } else if (ThemesUpdated.SCOPE_COHORT.equals(themes.scope()) && themes.cohortId() != null) {
                // Cohort sets were made from shared notes in v1 already.
                feed.upsertItem("themes:" + envelope.id(), NewsKind.THEMES, themes.cohortId(), null,
                        "Cohort themes", themes.computedAt() == null ? envelope.occurredAt() : themes.computedAt(),
                        new Document("themes", labels), envelope.occurredAt())
                        .ifPresent(item -> notices.notify(envelope, item));
            } else {
                // Above all v1 scope library: computed from private notes too, so never shown to anyone here.
                log.info("ignored {} id={} scope={}: not a theme set of shared notes",
                        event.type().qualifiedName(), envelope.id(), themes.scope());
            }
        });
    }

    /** What this service reads of a calibration, whatever the version: the stage, never the reasons. */
    private record Stage(String calibrationId, String libraryId, String cohortId, String stage, String previousStage,
            Instant calibratedAt) {
    }

    @KafkaListener(topics = Topics.NOTES_CALIBRATIONS, groupId = "${spring.application.name}")
    void onCalibration(ConsumerRecord<String, String> record) {
        consumer.consume(record, event -> {
            Stage calibration;
            if (event.is(Events.COMMUNITY_STAGE_CALIBRATED)) {
                CommunityStageCalibrated c = event.payloadAs(Events.COMMUNITY_STAGE_CALIBRATED);
                calibration = new Stage(c.calibrationId(), c.libraryId(), c.cohortId(), c.stage(), c.previousStage(),
                        c.calibratedAt());
            } else if (event.is(Events.COMMUNITY_STAGE_CALIBRATED_V1)) {
                // Its reasons and supporting notes may describe private notes: they are not read.
                CommunityStageCalibratedV1 c = event.payloadAs(Events.COMMUNITY_STAGE_CALIBRATED_V1);
                calibration = new Stage(c.calibrationId(), c.libraryId(), c.cohortId(), c.stage(), c.previousStage(),
                        c.calibratedAt());
            } else {
                UnhandledEvents.skipOrReject(record, event);
                return;
            }
            if (calibration.cohortId() == null) {
                return; // a library outside any cohort: nobody to tell
            }
            EventEnvelope envelope = event.envelope();
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
