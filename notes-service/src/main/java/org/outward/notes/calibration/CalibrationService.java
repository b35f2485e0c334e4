package org.outward.notes.calibration;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.outward.contracts.Events;
import org.outward.contracts.notes.CommunityStageCalibrated;
import org.outward.contracts.notes.NoteUploaded;
import org.outward.platform.errors.BadRequestException;
import org.outward.platform.errors.ConflictException;
import org.outward.platform.outbox.OutboxEntry;
import org.outward.platform.outbox.OutboxEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Recording a library's community stage, with its history, and its {@code CommunityStageCalibrated}. */
@Service
public class CalibrationService {

    private static final Logger log = LoggerFactory.getLogger(CalibrationService.class);
    private static final int ATTEMPTS = 5;

    private final CalibrationStore store;
    private final OutboxEvents outbox;
    private final Clock clock;

    CalibrationService(CalibrationStore store, OutboxEvents outbox, Clock clock) {
        this.store = store;
        this.outbox = outbox;
        this.clock = clock;
    }

    public CalibrationHistory history(String libraryId) {
        return store.find(libraryId).orElseGet(() -> CalibrationHistory.empty(libraryId));
    }

    /**
     * Appends a calibration. The supporting notes must be live notes of this library (the caller's own, so they
     * can see them): a note of another library is refused as if it did not exist, revealing nothing.
     */
    public Calibration calibrate(String libraryId, String cohortId, String calibratedBy, CalibrationRequest request) {
        List<String> noteIds = request.supportingNoteIds() == null ? List.of()
                : List.copyOf(new LinkedHashSet<>(request.supportingNoteIds().stream().map(String::strip).toList()));
        Map<String, String> known = noteIds.isEmpty() ? Map.of() : store.notesOfLibrary(noteIds, libraryId);
        for (int i = 0; i < noteIds.size(); i++) {
            if (!known.containsKey(noteIds.get(i))) {
                throw new BadRequestException("supportingNoteIds[" + i + "]", "is not a note of this library");
            }
        }
        // The event goes to services that serve the whole cohort: no reasons, no private note named in it.
        List<String> shared = noteIds.stream().filter(id -> NoteUploaded.VISIBILITY_COHORT.equals(known.get(id)))
                .toList();
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            CalibrationHistory current = history(libraryId);
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            Calibration calibration = new Calibration(UUID.randomUUID().toString(), request.stage(),
                    current.current(), request.reasons().strip(), noteIds, calibratedBy, now);
            OutboxEntry event = outbox.entry(Events.COMMUNITY_STAGE_CALIBRATED, libraryId,
                    new CommunityStageCalibrated(calibration.id(), libraryId, cohortId, calibration.stage().wireName(),
                            calibration.previousStage() == null ? null : calibration.previousStage().wireName(),
                            shared, calibratedBy, now));
            if (store.append(libraryId, cohortId, current.version(), calibration, List.of(event))) {
                log.info("community stage calibrated libraryId={} stage={} previous={} calibrationId={} event={}",
                        libraryId, calibration.stage().wireName(),
                        calibration.previousStage() == null ? null : calibration.previousStage().wireName(),
                        calibration.id(), event.id());
                return calibration;
            }
        }
        throw new ConflictException("stage", "the library's calibrations changed meanwhile; try again");
    }
}
