package org.outward.notes.calibration;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.outward.platform.outbox.OutboxEntry;
import org.outward.platform.outbox.OutboxEvents;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The {@code calibrations} collection: one document per library ({@code _id} = library id) holding its whole
 * history, newest last, and its pending {@code CommunityStageCalibrated} events. Appending a calibration and
 * its event is therefore one single-document write, filtered on the version read.
 */
@Component
class CalibrationStore {

    static final String COLLECTION = "calibrations";

    private final MongoTemplate mongo;

    CalibrationStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    Optional<CalibrationHistory> find(String libraryId) {
        Query query = Query.query(Criteria.where("_id").is(libraryId));
        query.fields().exclude(OutboxEntry.FIELD);
        return Optional.ofNullable(mongo.findOne(query, Document.class, COLLECTION)).map(CalibrationStore::fromDocument);
    }

    /** Appends to the history if it is still at {@code expectedVersion} (0: none yet); false otherwise. */
    boolean append(String libraryId, String cohortId, long expectedVersion, Calibration calibration,
            List<OutboxEntry> events) {
        if (expectedVersion == 0) {
            Document document = new Document("_id", libraryId)
                    .append("cohortId", cohortId)
                    .append("version", 1L)
                    .append("history", List.of(toDocument(calibration)));
            try {
                mongo.insert(OutboxEvents.attach(document, events), COLLECTION);
                return true;
            } catch (DuplicateKeyException e) {
                return false;
            }
        }
        Update update = new Update().push("history", toDocument(calibration)).inc("version", 1);
        if (cohortId != null) {
            update.set("cohortId", cohortId);
        }
        OutboxEvents.push(update, events);
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(libraryId).and("version").is(expectedVersion)),
                update, COLLECTION).getModifiedCount() == 1;
    }

    /** Which of the ids are live notes of the library. */
    /** Which of these ids are live notes of the library, each with its visibility ({@code private}, {@code cohort}). */
    Map<String, String> notesOfLibrary(Collection<String> noteIds, String libraryId) {
        Query query = Query.query(Criteria.where("_id").in(noteIds).and("libraryId").is(libraryId)
                .and("deletedAt").exists(false));
        query.fields().include("_id", "visibility");
        Map<String, String> found = new HashMap<>();
        mongo.find(query, Document.class, "notes").forEach(d -> found.put(d.getString("_id"),
                d.getString("visibility")));
        return found;
    }

    private static Document toDocument(Calibration calibration) {
        return new Document("id", calibration.id())
                .append("stage", calibration.stage().wireName())
                .append("previousStage", calibration.previousStage() == null ? null
                        : calibration.previousStage().wireName())
                .append("reasons", calibration.reasons())
                .append("supportingNoteIds", calibration.supportingNoteIds())
                .append("calibratedBy", calibration.calibratedBy())
                .append("calibratedAt", Date.from(calibration.calibratedAt()));
    }

    private static CalibrationHistory fromDocument(Document document) {
        List<Calibration> history = new ArrayList<>();
        for (Document entry : document.getList("history", Document.class, List.of())) {
            String previous = entry.getString("previousStage");
            history.add(new Calibration(entry.getString("id"), CommunityStage.fromWireName(entry.getString("stage")),
                    previous == null ? null : CommunityStage.fromWireName(previous), entry.getString("reasons"),
                    List.copyOf(entry.getList("supportingNoteIds", String.class, List.of())),
                    entry.getString("calibratedBy"), entry.getDate("calibratedAt").toInstant()));
        }
        // Stored oldest first (an append is a $push); read newest first.
        List<Calibration> newestFirst = new ArrayList<>(history);
        Collections.reverse(newestFirst);
        return new CalibrationHistory(document.getString("_id"), document.getString("cohortId"),
                newestFirst.isEmpty() ? null : newestFirst.get(0).stage(),
                document.get("version", Number.class).longValue(), List.copyOf(newestFirst));
    }
}
