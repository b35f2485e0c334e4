package org.outward.notes.note;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.outward.contracts.Events;
import org.outward.notes.attachment.AttachmentFiles;
import org.outward.notes.attachment.ContentTypes;
import org.outward.notes.attachment.SafeFileNames;
import org.outward.notes.attachment.StoredFile;
import org.outward.notes.attachment.TextExtractor;
import org.outward.notes.attachment.UnsupportedAttachmentException;
import org.outward.platform.concurrency.ETags;
import org.outward.platform.errors.BadRequestException;
import org.outward.platform.errors.ConflictException;
import org.outward.platform.errors.NotFoundException;
import org.outward.platform.errors.PreconditionFailedException;
import org.outward.platform.outbox.OutboxEntry;
import org.outward.platform.outbox.OutboxEvents;
import org.outward.platform.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

/**
 * Uploading, reading, listing, editing and deleting conversation notes, with their attachments.
 *
 * <p>Upload order, so that a crash anywhere leaves nothing visible half-done: every file is checked
 * (type from its content) before any is stored; then the files are streamed to GridFS; then the
 * note and its {@code NoteUploaded} go in ONE document write. If that write fails the files are
 * deleted; if the process dies first, {@link NoteMaintenance} sweeps the unreferenced files later.
 */
@Service
public class NoteService {

    private static final Logger log = LoggerFactory.getLogger(NoteService.class);

    private final NoteStore store;
    private final AttachmentFiles files;
    private final ContentTypes contentTypes;
    private final TextExtractor extractor;
    private final OutboxEvents outbox;
    private final Clock clock;
    private final Duration retryBackoff;
    private final int maxAttempts;
    private final ApplicationEventPublisher written;

    NoteService(NoteStore store, AttachmentFiles files, ContentTypes contentTypes, TextExtractor extractor,
            OutboxEvents outbox, Clock clock,
            @Value("${outward.notes.extraction.retry-backoff:PT1M}") Duration retryBackoff,
            @Value("${outward.notes.extraction.max-attempts:6}") int maxAttempts, ApplicationEventPublisher written) {
        this.store = store;
        this.files = files;
        this.contentTypes = contentTypes;
        this.extractor = extractor;
        this.outbox = outbox;
        this.clock = clock;
        this.retryBackoff = retryBackoff;
        this.maxAttempts = maxAttempts;
        this.written = written;
    }

    /** Stores a new note (with its attachments, if any) and, in the same write, its {@code NoteUploaded}. */
    public NoteView upload(Caller caller, UploadNoteRequest request, List<MultipartFile> uploads) {
        return upload(caller, request, uploads, UUID.randomUUID().toString());
    }

    /**
     * The same with the note's id chosen by the caller (an idempotent upload chooses it when its key is first seen):
     * a second upload with that id fails on the unique {@code _id}, so it can never make a second note.
     */
    public NoteView upload(Caller caller, UploadNoteRequest request, List<MultipartFile> uploads, String noteId) {
        String libraryId = NoteAccess.uploadingLibrary(caller, request.libraryId(), request.cohortId());
        Visibility visibility = request.visibility() == null ? Visibility.PRIVATE : request.visibility();
        if (visibility == Visibility.COHORT && caller.cohortId() == null) {
            throw new BadRequestException("visibility", "cannot be cohort: your library is in no cohort");
        }
        List<Incoming> incoming = check(uploads);
        if (incoming.isEmpty() && (request.body() == null || request.body().isBlank())) {
            throw new BadRequestException("body", "must not be blank when the note has no attachment");
        }
        Instant now = now();
        List<Attachment> attachments = storeAll(incoming, List.of(), now);
        try {
            Note note = new Note(noteId, libraryId, caller.cohortId(), request.title().strip(), request.body(),
                    request.conversationDate(), request.place().strip(), request.facilitator().strip(),
                    request.participants(), labels(request.segments()), labels(request.tags()),
                    strip(request.webinarId()), visibility, attachments, 1, now, now);
            OutboxEntry uploaded = outbox.entry(Events.NOTE_UPLOADED, note.id(), NoteEvents.uploaded(note));
            store.insert(note, List.of(uploaded));
            written.publishEvent(new NoteWritten(note.id()));
            log.info("note uploaded id={} libraryId={} cohortId={} visibility={} attachments={} extraction={} event={}",
                    note.id(), note.libraryId(), note.cohortId(), visibility.wireName(), attachments.size(),
                    NoteView.extraction(note), uploaded.id());
            return NoteView.of(note);
        } catch (RuntimeException e) {
            attachments.forEach(attachment -> files.delete(attachment.fileId()));
            throw e;
        }
    }

    /** Adds attachments to an existing note (same checks as at upload); a file the note already has is a 409. */
    public NoteView addAttachments(Caller caller, String id, String ifMatch, List<MultipartFile> uploads) {
        Note note = NoteAccess.requireWritable(caller, find(id));
        long expected = ETags.require(ifMatch, note.version());
        List<Incoming> incoming = check(uploads);
        if (incoming.isEmpty()) {
            throw new BadRequestException("files", "must contain at least one file");
        }
        Instant now = now();
        List<Attachment> added = storeAll(incoming, note.attachments(), now);
        try {
            List<Attachment> all = new ArrayList<>(note.attachments());
            all.addAll(added);
            Note updated = changed(note, note.title(), note.body(), note.conversationDate(), note.place(),
                    note.facilitator(), note.participants(), note.segments(), note.tags(), note.webinarId(),
                    note.visibility(), all, now);
            save(note, updated, expected, "attachments added=" + added.size());
            return NoteView.of(updated);
        } catch (RuntimeException e) {
            added.forEach(attachment -> files.delete(attachment.fileId()));
            throw e;
        }
    }

    public NoteView get(Caller caller, String id) {
        return NoteView.of(NoteAccess.requireReadable(caller, find(id)));
    }

    public NotePage list(Caller caller, NoteListQuery query) {
        if (query.from() != null && query.to() != null && query.to().isBefore(query.from())) {
            throw new BadRequestException("to", "must not be before from");
        }
        List<Criteria> all = new ArrayList<>();
        all.add(Criteria.where(NoteStore.DELETED_AT).exists(false));
        if (!caller.isStaff()) {
            List<Criteria> visible = new ArrayList<>();
            if (NoteAccess.isMember(caller)) {
                visible.add(Criteria.where("libraryId").is(caller.libraryId()));
            }
            if (caller.roles().contains(Caller.MEMBER) && caller.cohortId() != null) {
                visible.add(Criteria.where("cohortId").is(caller.cohortId())
                        .and("visibility").is(Visibility.COHORT.wireName()));
            }
            if (visible.isEmpty()) {
                return new NotePage(List.of(), query.pageOrDefault(), query.sizeOrDefault(), 0);
            }
            all.add(new Criteria().orOperator(visible));
        }
        if (query.libraryId() != null) {
            all.add(Criteria.where("libraryId").is(query.libraryId()));
        }
        if (query.cohortId() != null) {
            all.add(Criteria.where("cohortId").is(query.cohortId()));
        }
        if (query.from() != null) {
            all.add(Criteria.where("conversationDate").gte(query.from().toString()));
        }
        if (query.to() != null) {
            all.add(Criteria.where("conversationDate").lte(query.to().toString()));
        }
        if (query.segment() != null) {
            all.add(Criteria.where("segments").is(query.segment().strip()));
        }
        if (query.tag() != null) {
            all.add(Criteria.where("tags").is(query.tag().strip()));
        }
        if (query.q() != null && !query.q().isBlank()) {
            all.add(Criteria.where(NoteStore.TERMS).all(SearchTerms.ofQuery(query.q())));
        }
        Criteria criteria = new Criteria().andOperator(all);
        int page = query.pageOrDefault();
        int size = query.sizeOrDefault();
        List<NoteView> items = store.find(criteria, (long) page * size, size).stream().map(NoteView::of).toList();
        return new NotePage(items, page, size, store.count(criteria));
    }

    /** Replaces the note's metadata and body; {@code If-Match} must carry the current version. */
    public NoteView update(Caller caller, String id, String ifMatch, UploadNoteRequest request) {
        Note note = NoteAccess.requireWritable(caller, find(id));
        long expected = ETags.require(ifMatch, note.version());
        if (request.libraryId() != null && !request.libraryId().strip().equals(note.libraryId())) {
            throw new org.outward.platform.errors.ForbiddenException("A note cannot be moved to another library.");
        }
        if (request.cohortId() != null && !request.cohortId().strip().equals(note.cohortId())) {
            throw new org.outward.platform.errors.ForbiddenException("A note cannot be moved to another cohort.");
        }
        Visibility visibility = request.visibility() == null ? note.visibility() : request.visibility();
        if (visibility == Visibility.COHORT && note.cohortId() == null) {
            throw new BadRequestException("visibility", "cannot be cohort: the note's library is in no cohort");
        }
        if (note.attachments().isEmpty() && (request.body() == null || request.body().isBlank())) {
            throw new BadRequestException("body", "must not be blank when the note has no attachment");
        }
        Note updated = changed(note, request.title().strip(), request.body(), request.conversationDate(),
                request.place().strip(), request.facilitator().strip(), request.participants(),
                labels(request.segments()), labels(request.tags()), strip(request.webinarId()), visibility,
                note.attachments(), now());
        save(note, updated, expected, "edited");
        return NoteView.of(updated);
    }

    /** Deletes the note ({@code NoteDeleted}) and then its files; {@code If-Match} is checked when sent. */
    public void delete(Caller caller, String id, String ifMatch) {
        Note note = NoteAccess.requireWritable(caller, find(id));
        long expected = ifMatch == null ? note.version() : ETags.require(ifMatch, note.version());
        Instant now = now();
        OutboxEntry deleted = outbox.entry(Events.NOTE_DELETED, note.id(), NoteEvents.deleted(note, now));
        Note before = store.markDeleted(note, expected, now, List.of(deleted))
                .orElseThrow(() -> new PreconditionFailedException("The note changed meanwhile; reload it."));
        written.publishEvent(new NoteWritten(note.id()));
        // After the write: a crash here leaves files that no note references, which the sweeper removes.
        before.attachments().forEach(attachment -> files.delete(attachment.fileId()));
        log.info("note deleted id={} libraryId={} attachments={} event={}", note.id(), note.libraryId(),
                before.attachments().size(), deleted.id());
    }

    /** The attachment's metadata, for a caller who may read the note. */
    public Attachment attachment(Caller caller, String id, String attachmentId) {
        Note note = NoteAccess.requireReadable(caller, find(id));
        return note.attachments().stream().filter(a -> a.id().equals(attachmentId)).findFirst()
                .orElseThrow(() -> new NotFoundException("attachment", attachmentId));
    }

    public InputStream open(Attachment attachment) {
        return files.open(attachment.fileId());
    }

    /**
     * Tries failed extractions of one note again. On success the note's text changed: version + 1
     * and {@code NoteUpdated}, so themes are recomputed. On failure the next try is scheduled with
     * exponential backoff, up to {@code max-attempts}.
     */
    void retryExtraction(Note note) {
        Instant now = now();
        boolean extracted = false;
        List<Attachment> attachments = new ArrayList<>();
        for (Attachment attachment : note.attachments()) {
            if (attachment.extraction() == Attachment.Extraction.FAILED && attachment.retryAt() != null
                    && !attachment.retryAt().isAfter(now)) {
                Attachment result = extract(attachment, attachment.attempts() + 1, now);
                extracted |= result.extraction() == Attachment.Extraction.DONE;
                attachments.add(result);
            } else {
                attachments.add(attachment);
            }
        }
        if (extracted) {
            Note updated = changed(note, note.title(), note.body(), note.conversationDate(), note.place(),
                    note.facilitator(), note.participants(), note.segments(), note.tags(), note.webinarId(),
                    note.visibility(), attachments, now);
            if (!store.replace(updated, note.version(), List.of(updatedEvent(updated)))) {
                log.info("extraction retry of note {} lost a race with an edit; tried again later", note.id());
            } else {
                written.publishEvent(new NoteWritten(note.id()));
                log.info("extraction retried note={} result=done version={}", note.id(), updated.version());
            }
        } else if (store.updateAttachments(note, attachments)) {
            log.info("extraction retried note={} result=failed", note.id());
        }
    }

    private Note find(String id) {
        return store.find(id).orElseThrow(() -> new NotFoundException("note", id));
    }

    private void save(Note before, Note updated, long expected, String what) {
        OutboxEntry event = updatedEvent(updated);
        if (!store.replace(updated, expected, List.of(event))) {
            throw new PreconditionFailedException("The note changed meanwhile; reload it.");
        }
        written.publishEvent(new NoteWritten(updated.id()));
        log.info("note updated id={} libraryId={} version={} ({}) event={}", updated.id(), updated.libraryId(),
                updated.version(), what, event.id());
    }

    private OutboxEntry updatedEvent(Note note) {
        return outbox.entry(Events.NOTE_UPDATED, note.id(), NoteEvents.updated(note));
    }

    private static Note changed(Note note, String title, String body, java.time.LocalDate date, String place,
            String facilitator, Integer participants, List<String> segments, List<String> tags, String webinarId,
            Visibility visibility, List<Attachment> attachments, Instant now) {
        return new Note(note.id(), note.libraryId(), note.cohortId(), title, body, date, place, facilitator,
                participants, segments, tags, webinarId, visibility, attachments, note.version() + 1,
                note.createdAt(), now);
    }

    /** A part checked before anything is stored: not empty, and of an accepted type judged from its bytes. */
    private record Incoming(String field, MultipartFile file, String name, String type) {
    }

    private List<Incoming> check(List<MultipartFile> uploads) {
        List<Incoming> incoming = new ArrayList<>();
        if (uploads == null) {
            return incoming;
        }
        for (int i = 0; i < uploads.size(); i++) {
            MultipartFile file = uploads.get(i);
            String field = "files[" + i + "]";
            if (file.isEmpty()) {
                throw new BadRequestException(field, "is empty");
            }
            String name = SafeFileNames.sanitize(file.getOriginalFilename());
            String type;
            try (InputStream in = file.getInputStream()) {
                type = contentTypes.detect(in, name);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (!ContentTypes.isAllowed(type)) {
                log.info("refused attachment {} name={} detected={}", field, name, type);
                throw new UnsupportedAttachmentException(field, type);
            }
            incoming.add(new Incoming(field, file, name, type));
        }
        return incoming;
    }

    /**
     * Streams each file to GridFS (hashing on the way), refuses a file the note already has or that
     * appears twice in the request (409, everything stored by this call removed), then extracts text.
     */
    private List<Attachment> storeAll(List<Incoming> incoming, List<Attachment> existing, Instant now) {
        List<StoredFile> stored = new ArrayList<>();
        try {
            Map<String, String> seen = new HashMap<>();
            existing.forEach(attachment -> seen.put(attachment.sha256(), "attachment " + attachment.name()));
            for (Incoming part : incoming) {
                StoredFile file;
                try (InputStream in = part.file().getInputStream()) {
                    file = files.store(in, part.name(), part.type());
                }
                stored.add(file);
                String earlier = seen.putIfAbsent(file.sha256(), part.field());
                if (earlier != null) {
                    throw new ConflictException(part.field(), "is the same file as " + earlier + " (SHA-256 "
                            + file.sha256() + ")");
                }
            }
            List<Attachment> attachments = new ArrayList<>();
            for (int i = 0; i < incoming.size(); i++) {
                Incoming part = incoming.get(i);
                StoredFile file = stored.get(i);
                Attachment attachment = new Attachment(UUID.randomUUID().toString(), file.fileId(), part.name(),
                        part.type(), file.size(), file.sha256(), Attachment.Extraction.NONE, 0, null, null);
                attachments.add(ContentTypes.hasText(part.type()) ? extract(attachment, 1, now) : attachment);
            }
            return attachments;
        } catch (IOException e) {
            stored.forEach(file -> files.delete(file.fileId()));
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            stored.forEach(file -> files.delete(file.fileId()));
            throw e;
        }
    }

    /** One extraction attempt; a failure is recorded on the attachment, never thrown. */
    private Attachment extract(Attachment attachment, int attempt, Instant now) {
        try (InputStream in = files.open(attachment.fileId())) {
            String text = extractor.extract(in, attachment.type());
            return attachment.withExtraction(Attachment.Extraction.DONE, attempt, null, text);
        } catch (RuntimeException | IOException e) {
            Instant retryAt = attempt >= maxAttempts ? null
                    : now.plus(retryBackoff.multipliedBy(1L << Math.min(attempt - 1, 20)));
            log.warn("text extraction failed attachment={} type={} attempt={} retryAt={}: {}", attachment.id(),
                    attachment.type(), attempt, retryAt, e.getMessage());
            return attachment.withExtraction(Attachment.Extraction.FAILED, attempt, retryAt, null);
        }
    }

    /** MongoDB keeps milliseconds: truncate so a response equals what a later GET returns. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }

    /** Trimmed, without repeats, in the order given. */
    private static List<String> labels(List<String> values) {
        return values == null ? List.of()
                : List.copyOf(new LinkedHashSet<>(values.stream().map(String::strip).toList()));
    }
}
