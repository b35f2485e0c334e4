package org.outward.notes.note;

import jakarta.annotation.PostConstruct;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.outward.platform.concurrency.ETags;
import org.outward.platform.outbox.OutboxEntry;
import org.outward.platform.outbox.OutboxEvents;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The {@code notes} collection. Documents are written field by field (never a whole stored
 * document re-saved) because each one also holds its pending events in {@code outbox}, which the
 * relay drains concurrently. Every change is one single-document write, filtered on the expected
 * {@code version} (optimistic concurrency), that also pushes the change's event.
 *
 * <p>{@code conversationDate} is stored as an ISO string ({@code 2025-06-01}): it is a calendar
 * date without a time zone, and ISO strings sort chronologically.
 *
 * <p>A deleted note becomes a tombstone until its {@code NoteDeleted} is published: {@code deletedAt}
 * is set, its content and its {@code libraryId}/{@code cohortId} are removed (kept under
 * {@code deleted}) and {@code visibility} becomes {@code deleted}, so no query by library, cohort or
 * visibility (this service's or the themes') finds it. {@code NoteMaintenance} then removes the
 * document once its outbox is empty.
 */
@Component
class NoteStore {

    static final String COLLECTION = "notes";
    static final String DELETED_AT = "deletedAt";
    static final String TERMS = "terms";

    private final MongoTemplate mongo;

    NoteStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @PostConstruct
    void createIndexes() {
        // Serves the per-library listing, newest conversation first.
        mongo.indexOps(COLLECTION).createIndex(new Index()
                .on("libraryId", Sort.Direction.ASC)
                .on("conversationDate", Sort.Direction.DESC)
                .on("createdAt", Sort.Direction.DESC)
                .named("library_conversation_date"));
        // Serves the cohort's shared notes.
        mongo.indexOps(COLLECTION).createIndex(new Index()
                .on("cohortId", Sort.Direction.ASC)
                .on("visibility", Sort.Direction.ASC)
                .on("conversationDate", Sort.Direction.DESC)
                .named("cohort_visibility_date"));
        // Lets the orphan sweeper ask "does any note reference this file?".
        mongo.indexOps(COLLECTION).createIndex(new Index().on("attachments.fileId", Sort.Direction.ASC)
                .named("attachment_file"));
    }

    /** Stores a new note and its events in one single-document write. */
    void insert(Note note, List<OutboxEntry> events) {
        mongo.insert(OutboxEvents.attach(toDocument(note), events), COLLECTION);
    }

    /** A live (not deleted) note. */
    Optional<Note> find(String id) {
        Query query = Query.query(Criteria.where("_id").is(id).and(DELETED_AT).exists(false));
        query.fields().exclude(OutboxEntry.FIELD).exclude(TERMS);
        return Optional.ofNullable(mongo.findOne(query, Document.class, COLLECTION)).map(NoteStore::fromDocument);
    }

    List<Note> find(Criteria criteria, long skip, int limit) {
        Query query = Query.query(criteria)
                .with(Sort.by(Sort.Order.desc("conversationDate"), Sort.Order.desc("createdAt"),
                        Sort.Order.desc("_id")))
                .skip(skip)
                .limit(limit);
        query.fields().exclude(OutboxEntry.FIELD).exclude(TERMS);
        return mongo.find(query, Document.class, COLLECTION).stream().map(NoteStore::fromDocument).toList();
    }

    long count(Criteria criteria) {
        return mongo.count(Query.query(criteria), COLLECTION);
    }

    /**
     * Replaces the note's content if it is still at {@code expectedVersion}; the version goes up by
     * one and the events are pushed in the same write. False when the note changed meanwhile.
     */
    boolean replace(Note updated, long expectedVersion, List<OutboxEntry> events) {
        Document document = toDocument(updated);
        Update update = new Update();
        document.forEach((field, value) -> {
            if (!"_id".equals(field) && !"createdAt".equals(field)) {
                update.set(field, value);
            }
        });
        OutboxEvents.push(update, events);
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(updated.id()).and("version").is(expectedVersion)
                .and(DELETED_AT).exists(false)), update, COLLECTION).getModifiedCount() == 1;
    }

    /** Records extraction attempts without changing the note's version (no event). */
    boolean updateAttachments(Note note, List<Attachment> attachments) {
        Update update = new Update().set("attachments", attachments.stream().map(NoteStore::toDocument).toList());
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(note.id()).and("version").is(note.version())
                .and(DELETED_AT).exists(false)), update, COLLECTION).getModifiedCount() == 1;
    }

    /**
     * Turns the note into a tombstone (see the class comment) with its {@code NoteDeleted}, if it is
     * still at {@code expectedVersion}. Returns the note as it was, or empty when it changed meanwhile.
     */
    Optional<Note> markDeleted(Note note, long expectedVersion, Instant now, List<OutboxEntry> events) {
        Update update = new Update()
                .set(DELETED_AT, Date.from(now))
                .set("deleted", new Document("libraryId", note.libraryId()).append("cohortId", note.cohortId())
                        .append("visibility", note.visibility().wireName()))
                .set("visibility", "deleted")
                .set("version", expectedVersion + 1)
                .set("updatedAt", Date.from(now))
                .unset("libraryId").unset("cohortId").unset("title").unset("body").unset("place")
                .unset("facilitator").unset("segments").unset("tags").unset("attachments").unset(TERMS);
        OutboxEvents.push(update, events);
        Document before = mongo.findAndModify(Query.query(Criteria.where("_id").is(note.id())
                .and("version").is(expectedVersion).and(DELETED_AT).exists(false)), update,
                FindAndModifyOptions.options().returnNew(false), Document.class, COLLECTION);
        return Optional.ofNullable(before).map(NoteStore::fromDocument);
    }

    /** Live notes with an attachment whose failed extraction is due for another try. */
    List<Note> dueForExtraction(Instant now, int limit) {
        Query query = Query.query(Criteria.where(DELETED_AT).exists(false).and("attachments").elemMatch(
                Criteria.where("extraction").is(Attachment.Extraction.FAILED.wireName())
                        .and("retryAt").lte(Date.from(now))))
                .limit(limit);
        query.fields().exclude(OutboxEntry.FIELD).exclude(TERMS);
        return mongo.find(query, Document.class, COLLECTION).stream().map(NoteStore::fromDocument).toList();
    }

    boolean referencesFile(String fileId) {
        return mongo.exists(Query.query(Criteria.where("attachments.fileId").is(fileId)), COLLECTION);
    }

    /** Removes tombstones whose {@code NoteDeleted} has been published; returns how many. */
    long purgePublishedTombstones() {
        return mongo.remove(Query.query(Criteria.where(DELETED_AT).exists(true).and(OutboxEntry.FIELD).size(0)),
                COLLECTION).getDeletedCount();
    }

    static Document toDocument(Note note) {
        return new Document("_id", note.id())
                .append("libraryId", note.libraryId())
                .append("cohortId", note.cohortId())
                .append("title", note.title())
                .append("body", note.body())
                .append("conversationDate", note.conversationDate().toString())
                .append("place", note.place())
                .append("facilitator", note.facilitator())
                .append("participants", note.participants())
                .append("segments", note.segments())
                .append("tags", note.tags())
                .append("webinarId", note.webinarId())
                .append("visibility", note.visibility().wireName())
                .append("attachments", note.attachments().stream().map(NoteStore::toDocument).toList())
                .append(TERMS, SearchTerms.of(note))
                .append("version", note.version())
                .append("createdAt", Date.from(note.createdAt()))
                .append("updatedAt", Date.from(note.updatedAt()));
    }

    static Document toDocument(Attachment attachment) {
        return new Document("id", attachment.id())
                .append("fileId", attachment.fileId())
                .append("name", attachment.name())
                .append("type", attachment.type())
                .append("size", attachment.size())
                .append("sha256", attachment.sha256())
                .append("extraction", attachment.extraction().wireName())
                .append("attempts", attachment.attempts())
                .append("retryAt", attachment.retryAt() == null ? null : Date.from(attachment.retryAt()))
                .append("text", attachment.text());
    }

    static Note fromDocument(Document document) {
        Number participants = document.get("participants", Number.class);
        List<Attachment> attachments = new ArrayList<>();
        for (Document a : document.getList("attachments", Document.class, List.of())) {
            Date retryAt = a.getDate("retryAt");
            attachments.add(new Attachment(a.getString("id"), a.getString("fileId"), a.getString("name"),
                    a.getString("type"), a.get("size", Number.class).longValue(), a.getString("sha256"),
                    Attachment.Extraction.fromWireName(a.getString("extraction")),
                    a.get("attempts", Number.class).intValue(), retryAt == null ? null : retryAt.toInstant(),
                    a.getString("text")));
        }
        String visibility = document.getString("visibility");
        return new Note(
                document.getString("_id"),
                document.getString("libraryId"),
                document.getString("cohortId"),
                document.getString("title"),
                document.getString("body"),
                LocalDate.parse(document.getString("conversationDate")),
                document.getString("place"),
                document.getString("facilitator"),
                participants == null ? null : participants.intValue(),
                List.copyOf(document.getList("segments", String.class, List.of())),
                List.copyOf(document.getList("tags", String.class, List.of())),
                document.getString("webinarId"),
                "deleted".equals(visibility) ? Visibility.PRIVATE : Visibility.fromWireName(visibility),
                attachments,
                document.get("version", Number.class).longValue(),
                document.getDate("createdAt").toInstant(),
                document.getDate("updatedAt").toInstant());
    }
}
