package org.outward.notes.note;

import jakarta.annotation.PostConstruct;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.outward.platform.outbox.OutboxEntry;
import org.outward.platform.outbox.OutboxEvents;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The {@code notes} collection. Documents are written field by field (never a whole stored
 * document re-saved) because each one also holds its pending events in {@code outbox}, which the
 * relay drains concurrently.
 *
 * <p>{@code conversationDate} is stored as an ISO string ({@code 2025-06-01}): it is a calendar
 * date without a time zone, and ISO strings sort chronologically.
 */
@Component
class NoteStore {

    static final String COLLECTION = "notes";

    private final MongoTemplate mongo;

    NoteStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Serves the per-library listing, newest conversation first. */
    @PostConstruct
    void createIndexes() {
        mongo.indexOps(COLLECTION).createIndex(new Index()
                .on("libraryId", Sort.Direction.ASC)
                .on("conversationDate", Sort.Direction.DESC)
                .on("createdAt", Sort.Direction.DESC)
                .named("library_conversation_date"));
    }

    /** Stores a new note and its events in one single-document write. */
    void insert(Note note, List<OutboxEntry> events) {
        mongo.insert(OutboxEvents.attach(toDocument(note), events), COLLECTION);
    }

    Optional<Note> find(String id) {
        Query query = Query.query(Criteria.where("_id").is(id));
        query.fields().exclude(OutboxEntry.FIELD);
        return Optional.ofNullable(mongo.findOne(query, Document.class, COLLECTION)).map(NoteStore::fromDocument);
    }

    List<Note> findByLibrary(String libraryId, long skip, int limit) {
        Query query = Query.query(Criteria.where("libraryId").is(libraryId))
                .with(Sort.by(Sort.Order.desc("conversationDate"), Sort.Order.desc("createdAt"),
                        Sort.Order.desc("_id")))
                .skip(skip)
                .limit(limit);
        query.fields().exclude(OutboxEntry.FIELD);
        return mongo.find(query, Document.class, COLLECTION).stream().map(NoteStore::fromDocument).toList();
    }

    long countByLibrary(String libraryId) {
        return mongo.count(Query.query(Criteria.where("libraryId").is(libraryId)), COLLECTION);
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
                .append("visibility", note.visibility().wireName())
                .append("version", note.version())
                .append("createdAt", Date.from(note.createdAt()))
                .append("updatedAt", Date.from(note.updatedAt()));
    }

    static Note fromDocument(Document document) {
        Number participants = document.get("participants", Number.class);
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
                Visibility.fromWireName(document.getString("visibility")),
                document.get("version", Number.class).longValue(),
                document.getDate("createdAt").toInstant(),
                document.getDate("updatedAt").toInstant());
    }
}
