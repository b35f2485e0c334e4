package org.outward.notes.theme;

import jakarta.annotation.PostConstruct;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.outward.platform.outbox.OutboxEntry;
import org.outward.platform.outbox.OutboxEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The {@code theme_snapshots} collection: one document per scope, which also holds the scope's pending
 * {@code ThemesUpdated} events ({@code outbox}), so a snapshot and its event are one single-document write.
 * Documents are changed field by field, filtered on the version read, never re-saved whole.
 */
@Component
public class ThemeSnapshots {

    static final String COLLECTION = "theme_snapshots";

    private static final Logger log = LoggerFactory.getLogger(ThemeSnapshots.class);

    private final MongoTemplate mongo;

    ThemeSnapshots(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * A library's own set is never announced any more: events still pending in its snapshots are ThemesUpdated v1
     * of scope library, made from private notes too, and are dropped before the relay starts (it starts after
     * every bean is ready), so they never reach the topic.
     */
    @PostConstruct
    void dropUnpublishedLibraryEvents() {
        long dropped = mongo.updateMulti(Query.query(Criteria.where("scope").is(ThemeSnapshot.LIBRARY)
                        .and(OutboxEntry.FIELD + ".0").exists(true)),
                new Update().set(OutboxEntry.FIELD, List.of()), COLLECTION).getModifiedCount();
        if (dropped > 0) {
            log.info("dropped unpublished library-scope theme events of {} library snapshots", dropped);
        }
    }

    public Optional<ThemeSnapshot> find(String id) {
        Query query = Query.query(Criteria.where("_id").is(id));
        query.fields().exclude(OutboxEntry.FIELD);
        return Optional.ofNullable(mongo.findOne(query, Document.class, COLLECTION)).map(ThemeSnapshots::fromDocument);
    }

    /** Stores the first snapshot of a scope; false when another writer stored one first. */
    boolean insert(ThemeSnapshot snapshot, List<OutboxEntry> events) {
        try {
            mongo.insert(OutboxEvents.attach(toDocument(snapshot), events), COLLECTION);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** Replaces the snapshot if it is still at {@code expectedVersion}; false when it changed meanwhile. */
    boolean replace(ThemeSnapshot snapshot, long expectedVersion, List<OutboxEntry> events) {
        Update update = new Update();
        toDocument(snapshot).forEach((field, value) -> {
            if (!"_id".equals(field)) {
                update.set(field, value);
            }
        });
        OutboxEvents.push(update, events);
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(snapshot.id()).and("version").is(expectedVersion)),
                update, COLLECTION).getModifiedCount() == 1;
    }

    private static Document toDocument(ThemeSnapshot snapshot) {
        return new Document("_id", snapshot.id())
                .append("scope", snapshot.scope())
                .append("libraryId", snapshot.libraryId())
                .append("cohortId", snapshot.cohortId())
                .append("noteCount", snapshot.noteCount())
                .append("computedAt", Date.from(snapshot.computedAt()))
                .append("version", snapshot.version())
                .append("keys", snapshot.keys())
                .append("themes", snapshot.themes().stream().map(ThemeSnapshots::toDocument).toList());
    }

    static Document toDocument(Theme theme) {
        return new Document("key", theme.key())
                .append("label", theme.label())
                .append("weight", theme.weight())
                .append("noteCount", theme.noteCount())
                .append("libraryCount", theme.libraryCount())
                .append("sections", theme.sections())
                .append("noteIds", theme.noteIds())
                .append("terms", theme.terms())
                .append("sentenceCount", theme.sentenceCount())
                .append("evidence", theme.evidence().stream().map(e -> new Document("noteId", e.noteId())
                        .append("libraryId", e.libraryId())
                        .append("noteTitle", e.noteTitle())
                        .append("conversationDate", e.conversationDate().toString())
                        .append("section", e.section())
                        .append("sentence", e.sentence())
                        .append("link", e.link())).toList());
    }

    private static ThemeSnapshot fromDocument(Document document) {
        return new ThemeSnapshot(document.getString("_id"), document.getString("scope"),
                document.getString("libraryId"), document.getString("cohortId"),
                document.get("noteCount", Number.class).intValue(), document.getDate("computedAt").toInstant(),
                document.get("version", Number.class).longValue(),
                document.getList("themes", Document.class, List.of()).stream().map(ThemeSnapshots::theme).toList());
    }

    private static Theme theme(Document document) {
        return new Theme(document.getString("key"), document.getString("label"),
                document.get("weight", Number.class).doubleValue(), document.get("noteCount", Number.class).intValue(),
                document.get("libraryCount", Number.class).intValue(),
                List.copyOf(document.getList("sections", String.class, List.of())),
                List.copyOf(document.getList("noteIds", String.class, List.of())),
                document.getList("evidence", Document.class, List.of()).stream().map(e -> new Evidence(
                        e.getString("noteId"), e.getString("libraryId"), e.getString("noteTitle"),
                        LocalDate.parse(e.getString("conversationDate")), e.getString("section"),
                        e.getString("sentence"))).toList(),
                document.getList("terms", String.class, List.of(document.getString("label"))),
                document.get("sentenceCount", Number.class) == null ? 0
                        : document.get("sentenceCount", Number.class).intValue());
    }
}
