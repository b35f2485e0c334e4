package org.outward.catalog.roster;

import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.outward.catalog.support.Keys;
import org.outward.contracts.roster.RosterLibrary;
import org.outward.contracts.roster.RosterPerson;
import org.outward.contracts.roster.RosterView;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The roster as the platform's caller check sees it, read straight from the catalog's own roster collections: a
 * removal here takes effect on the very next request, with no event in between. A removed person keeps their
 * document with the email key made unique ({@code <key>#removed#<id>}), so both forms are looked up.
 */
@Component
class CatalogRoster implements RosterView {

    private final MongoTemplate mongo;

    CatalogRoster(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public List<RosterPerson> people(String email) {
        if (email == null || email.isBlank()) {
            return List.of();
        }
        String key = Keys.of(email);
        Query query = Query.query(new Criteria().orOperator(Criteria.where("emailKey").is(key),
                Criteria.where("emailKey").regex("^" + literal(key + MemberService.REMOVED_KEY))));
        query.fields().include("email", "name", "role", "libraryId", "cohortId", "removedAt");
        return mongo.find(query, Document.class, MemberService.COLLECTION).stream()
                .map(doc -> new RosterPerson(doc.getString("_id"), doc.getString("email"), doc.getString("name"),
                        doc.getString("role"), doc.getString("libraryId"), doc.getString("cohortId"),
                        doc.get("removedAt") != null))
                .toList();
    }

    /** Escaped character by character (not a quoted block), so MongoDB sees a plain prefix and uses the index. */
    private static String literal(String text) {
        return text.replaceAll("[\\\\^$.|?*+()\\[\\]{}]", "\\\\$0");
    }

    @Override
    public Optional<RosterLibrary> library(String libraryId) {
        if (libraryId == null) {
            return Optional.empty();
        }
        Query query = Query.query(Criteria.where("_id").is(libraryId));
        query.fields().include("cohortId", "leftAt");
        return Optional.ofNullable(mongo.findOne(query, Document.class, LibraryService.COLLECTION))
                .map(doc -> new RosterLibrary(libraryId, doc.getString("cohortId"), doc.get("leftAt") == null));
    }
}
