package org.outward.notes.search;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Reads the notes search indexes, straight from the {@code notes} collection (fields only, like the themes'
 * reader). Deleted notes (tombstones with {@code deletedAt}) are absent.
 */
@Component
class SearchNotes {

    static final String COLLECTION = "notes";
    private static final String SHARED = "cohort";

    private final MongoTemplate mongo;

    SearchNotes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    Optional<NoteSource> find(String id) {
        Query query = Query.query(Criteria.where("_id").is(id).and("deletedAt").exists(false));
        include(query);
        return Optional.ofNullable(mongo.findOne(query, Document.class, COLLECTION)).map(SearchNotes::toSource);
    }

    /** Up to {@code limit} notes with ids after {@code afterId} (null: from the first), by id. */
    List<NoteSource> page(String afterId, int limit) {
        Criteria criteria = Criteria.where("deletedAt").exists(false);
        if (afterId != null) {
            criteria.and("_id").gt(afterId);
        }
        Query query = Query.query(criteria).with(Sort.by("_id")).limit(limit);
        include(query);
        return mongo.find(query, Document.class, COLLECTION).stream().map(SearchNotes::toSource).toList();
    }

    /** The current version and visibility facts of these notes (deleted ones are absent): a page's last check. */
    List<NoteSource> current(List<String> ids) {
        Query query = Query.query(Criteria.where("_id").in(ids).and("deletedAt").exists(false));
        query.fields().include("libraryId", "cohortId", "visibility", "version");
        return mongo.find(query, Document.class, COLLECTION).stream().map(SearchNotes::toSource).toList();
    }

    private static void include(Query query) {
        query.fields().include("libraryId", "cohortId", "visibility", "title", "body", "conversationDate", "version",
                "segments", "tags", "attachments.id", "attachments.name", "attachments.text");
    }

    private static NoteSource toSource(Document document) {
        List<NoteSource.AttachmentText> attachments = new ArrayList<>();
        for (Document attachment : document.getList("attachments", Document.class, List.of())) {
            String text = attachment.getString("text");
            // Only attachments with text: the same list, in the same order, as the themes' reader makes.
            if (text != null && !text.isBlank()) {
                attachments.add(new NoteSource.AttachmentText(attachment.getString("id"),
                        attachment.getString("name"), text));
            }
        }
        String date = document.getString("conversationDate");
        Number version = document.get("version", Number.class);
        return new NoteSource(document.getString("_id"), document.getString("libraryId"),
                document.getString("cohortId"), SHARED.equals(document.getString("visibility")),
                document.getString("title"), document.getString("body"),
                date == null ? LocalDate.EPOCH : LocalDate.parse(date), version == null ? 0 : version.longValue(),
                document.getList("segments", String.class, List.of()), document.getList("tags", String.class,
                        List.of()), attachments);
    }
}
