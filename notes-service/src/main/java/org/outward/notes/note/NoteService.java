package org.outward.notes.note;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.outward.contracts.Events;
import org.outward.contracts.notes.NoteUploaded;
import org.outward.platform.errors.BadRequestException;
import org.outward.platform.errors.NotFoundException;
import org.outward.platform.outbox.OutboxEntry;
import org.outward.platform.outbox.OutboxEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Uploading and reading conversation notes. */
@Service
public class NoteService {

    private static final Logger log = LoggerFactory.getLogger(NoteService.class);

    private final NoteStore store;
    private final OutboxEvents outbox;
    private final Clock clock;

    NoteService(NoteStore store, OutboxEvents outbox, Clock clock) {
        this.store = store;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Stores a new note and, in the same write, its {@code NoteUploaded} event. */
    public NoteView upload(UploadNoteRequest request) {
        Visibility visibility = request.visibility() == null ? Visibility.PRIVATE : request.visibility();
        if (visibility == Visibility.COHORT && request.cohortId() == null) {
            throw new BadRequestException("cohortId", "is required when visibility is cohort");
        }
        // MongoDB keeps milliseconds: truncate so the response equals what a later GET returns.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Note note = new Note(UUID.randomUUID().toString(), request.libraryId().strip(),
                request.cohortId() == null ? null : request.cohortId().strip(), request.title().strip(),
                request.body(), request.conversationDate(), request.place().strip(), request.facilitator().strip(),
                request.participants(), labels(request.segments()), labels(request.tags()), visibility, 1, now, now);
        // No body text on the wire: consumers get the title only, and visibility says who may see it.
        OutboxEntry uploaded = outbox.entry(Events.NOTE_UPLOADED, note.id(), new NoteUploaded(note.id(),
                note.libraryId(), note.cohortId(), note.title(), visibility.wireName(), note.conversationDate(),
                note.createdAt()));
        store.insert(note, List.of(uploaded));
        log.info("note uploaded id={} libraryId={} cohortId={} visibility={} event={}", note.id(), note.libraryId(),
                note.cohortId(), visibility.wireName(), uploaded.id());
        return NoteView.of(note);
    }

    public NoteView get(String id) {
        return store.find(id).map(NoteView::of).orElseThrow(() -> new NotFoundException("note", id));
    }

    public NotePage list(NoteListQuery query) {
        int page = query.pageOrDefault();
        int size = query.sizeOrDefault();
        List<NoteView> items = store.findByLibrary(query.libraryId(), (long) page * size, size).stream()
                .map(NoteView::of).toList();
        return new NotePage(items, page, size, store.countByLibrary(query.libraryId()));
    }

    /** Trimmed, without repeats, in the order given. */
    private static List<String> labels(List<String> values) {
        return values == null ? List.of()
                : List.copyOf(new LinkedHashSet<>(values.stream().map(String::strip).toList()));
    }
}
