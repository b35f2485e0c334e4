package org.outward.notes.theme;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Reads the notes themes are computed from, straight from the {@code notes} collection (fields only: the
 * theme code does not depend on the note package's classes). A library's own set uses all its notes; its shared
 * set and a cohort's use only the notes shared with the cohort, so a private note can never give evidence to
 * other libraries (docs/privacy.md). Deleted notes (tombstones with {@code deletedAt}) are left out.
 */
@Component
public class ThemeNotes {

    static final String COLLECTION = "notes";
    static final String SHARED = "cohort";

    private final MongoTemplate mongo;

    ThemeNotes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public List<NoteText> ofLibrary(String libraryId, LocalDate from, LocalDate to) {
        return find(Criteria.where("libraryId").is(libraryId), from, to);
    }

    /** The library's notes shared with this cohort (any cohort when null: staff reading a library's shared set). */
    public List<NoteText> sharedOfLibrary(String libraryId, String cohortId, LocalDate from, LocalDate to) {
        Criteria criteria = Criteria.where("libraryId").is(libraryId).and("visibility").is(SHARED);
        if (cohortId != null) {
            criteria.and("cohortId").is(cohortId);
        }
        return find(criteria, from, to);
    }

    public List<NoteText> sharedInCohort(String cohortId, LocalDate from, LocalDate to) {
        return find(Criteria.where("cohortId").is(cohortId).and("visibility").is(SHARED), from, to);
    }

    private List<NoteText> find(Criteria criteria, LocalDate from, LocalDate to) {
        criteria.and("deletedAt").exists(false);
        // ISO dates as strings sort chronologically, so the range works on them directly.
        if (from != null && to != null) {
            criteria.and("conversationDate").gte(from.toString()).lte(to.toString());
        } else if (from != null) {
            criteria.and("conversationDate").gte(from.toString());
        } else if (to != null) {
            criteria.and("conversationDate").lte(to.toString());
        }
        Query query = Query.query(criteria);
        query.fields().include("libraryId", "title", "body", "conversationDate", "version", "attachments.text");
        return mongo.find(query, Document.class, COLLECTION).stream().map(ThemeNotes::toNoteText).toList();
    }

    private static NoteText toNoteText(Document document) {
        List<String> attachments = new ArrayList<>();
        for (Document attachment : document.getList("attachments", Document.class, List.of())) {
            String extracted = attachment.getString("text");
            if (extracted != null && !extracted.isBlank()) {
                attachments.add(extracted);
            }
        }
        String date = document.getString("conversationDate");
        Number version = document.get("version", Number.class);
        return new NoteText(document.getString("_id"), document.getString("libraryId"), document.getString("title"),
                date == null ? LocalDate.EPOCH : LocalDate.parse(date), version == null ? 0 : version.longValue(),
                document.getString("body"), attachments);
    }
}
