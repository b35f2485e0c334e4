package org.outward.notification.feed;

import jakarta.annotation.PostConstruct;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.bson.Document;
import org.outward.notification.preference.NewsKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The news this service knows, built from events only: {@value #ITEMS} (what digests are made of),
 * {@value #WEBINARS} and {@value #PROGRESS} (for reminders of unwatched webinars) and {@value #LIBRARY_THEMES}
 * (the top themes of a library's notes shared with the cohort, shown next to its shared notes). Every write is
 * one upsert guarded by the event time ({@code asOf}), so redeliveries and out-of-order events are harmless.
 */
@Component
public class FeedStore {

    public static final String ITEMS = "feed_items";
    public static final String WEBINARS = "feed_webinars";
    public static final String PROGRESS = "feed_progress";
    public static final String LIBRARY_THEMES = "feed_library_shared_themes";
    /**
     * Where ThemesUpdated v1 of scope library was stored: themes of ALL of a library's notes, private ones
     * included, which digests showed to other libraries. Deleted at start-up; nothing writes it any more.
     */
    public static final String LEAKED_LIBRARY_THEMES = "feed_library_themes";

    private static final Logger log = LoggerFactory.getLogger(FeedStore.class);

    private final MongoTemplate mongo;
    private final Clock clock;

    public FeedStore(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Once at start-up (a no-op after the first): the labels v1 library-scope events leaked disappear. */
    @PostConstruct
    public void purgeLeakedLibraryThemes() {
        if (mongo.collectionExists(LEAKED_LIBRARY_THEMES)) {
            long count = mongo.getCollection(LEAKED_LIBRARY_THEMES).countDocuments();
            mongo.dropCollection(LEAKED_LIBRARY_THEMES);
            log.info("purged {} library theme sets stored from ThemesUpdated v1 (computed from private notes too)",
                    count);
        }
    }

    @PostConstruct
    void createIndexes() {
        // receivedAt has its TTL index from the retention rule (see RetentionConfiguration).
        mongo.indexOps(PROGRESS).createIndex(new Index().on("libraryId", Sort.Direction.ASC));
    }

    /**
     * Stores (or refreshes) an item. {@code receivedAt} is set once, on first store: a note edited later
     * stays the same item, so it is never announced twice.
     *
     * @return the item as stored, or empty when a newer event had already been applied
     */
    public Optional<FeedItem> upsertItem(String id, NewsKind kind, String cohortId, String libraryId, String title,
            Instant occurredAt, Document data, Instant asOf) {
        Update update = new Update()
                .set("kind", kind.key())
                .set("cohortId", cohortId)
                .set("libraryId", libraryId)
                .set("title", title)
                .set("data", data)
                .set("withdrawn", false)
                .setOnInsert("occurredAt", Date.from(occurredAt))
                .setOnInsert("receivedAt", Date.from(clock.instant()));
        if (!upsertUnlessStale(ITEMS, id, asOf, update)) {
            return Optional.empty();
        }
        return Optional.ofNullable(mongo.findById(id, Document.class, ITEMS)).map(FeedItem::fromDocument);
    }

    /** The note went private or was deleted, or the webinar archived: it is never shown from now on. */
    public void withdraw(String id, Instant asOf) {
        Query query = Query.query(Criteria.where("_id").is(id).and("asOf").lte(Date.from(asOf)));
        mongo.updateFirst(query, new Update().set("withdrawn", true).set("asOf", Date.from(asOf)), ITEMS);
    }

    public void webinarPublished(String webinarId, String title, String slug, Instant publishedAt, Instant asOf) {
        upsertUnlessStale(WEBINARS, webinarId, asOf, new Update().set("title", title).set("slug", slug)
                .set("archived", false)
                .setOnInsert("publishedAt", Date.from(publishedAt == null ? asOf : publishedAt))
                .setOnInsert("receivedAt", Date.from(clock.instant())));
    }

    public void webinarArchived(String webinarId, Instant asOf) {
        upsertUnlessStale(WEBINARS, webinarId, asOf, new Update().set("archived", true));
    }

    public void webinarUpdated(String webinarId, String title, String slug, boolean archived, Instant asOf) {
        Query query = Query.query(Criteria.where("_id").is(webinarId).and("asOf").lte(Date.from(asOf)));
        mongo.updateFirst(query, new Update().set("title", title).set("slug", slug).set("archived", archived)
                .set("asOf", Date.from(asOf)), WEBINARS);
    }

    public void progress(String libraryId, String webinarId, boolean watched, Instant asOf) {
        upsertUnlessStale(PROGRESS, libraryId + "|" + webinarId, asOf, new Update().set("libraryId", libraryId)
                .set("webinarId", webinarId).set("watched", watched));
    }

    /** The top themes of a library's notes shared with its cohort (ThemesUpdated v2, scope library-shared). */
    public void librarySharedThemes(String libraryId, List<String> labels, Instant asOf) {
        upsertUnlessStale(LIBRARY_THEMES, libraryId, asOf, new Update().set("themes", labels));
    }

    /** Items stored in [from, until), not withdrawn, of these kinds; cohort-bound ones only of these cohorts. */
    public List<FeedItem> items(Instant from, Instant until, Collection<NewsKind> kinds) {
        Query query = Query.query(Criteria.where("receivedAt").gte(Date.from(from)).lt(Date.from(until))
                .and("kind").in(kinds.stream().map(NewsKind::key).toList()));
        return mongo.find(query, Document.class, ITEMS).stream().map(FeedItem::fromDocument).toList();
    }

    public List<FeedItem> itemsById(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), Document.class, ITEMS).stream()
                .map(FeedItem::fromDocument).toList();
    }

    /**
     * Of these item ids, the withdrawn ones (ids only). {@code withdrawn} comes first in the query: the embedded test
     * server, which cannot use an index for it, then rules out the rest by one field before looking at the list.
     */
    public Set<String> withdrawnAmong(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        Query query = Query.query(Criteria.where("withdrawn").is(true).and("_id").in(ids));
        query.fields().include("_id");
        return mongo.find(query, Document.class, ITEMS).stream().map(d -> d.getString("_id"))
                .collect(Collectors.toSet());
    }

    /** Published, not archived webinars: id to document (title, slug, publishedAt, receivedAt). */
    public List<Document> liveWebinars() {
        return mongo.find(Query.query(Criteria.where("archived").ne(true)), Document.class, WEBINARS);
    }

    public Set<String> watchedBy(String libraryId) {
        return mongo.find(Query.query(Criteria.where("libraryId").is(libraryId).and("watched").is(true)),
                Document.class, PROGRESS).stream().map(d -> d.getString("webinarId")).collect(Collectors.toSet());
    }

    /** Library id to the labels of its shared set. */
    public Map<String, List<String>> librarySharedThemes() {
        return mongo.findAll(Document.class, LIBRARY_THEMES).stream().collect(Collectors.toMap(
                d -> d.getString("_id"), d -> d.getList("themes", String.class, List.of())));
    }

    /** See RosterReadModel: the duplicate key on upsert is the "a newer event was applied" signal. */
    private boolean upsertUnlessStale(String collection, String id, Instant asOf, Update update) {
        Date at = Date.from(asOf);
        Query query = Query.query(Criteria.where("_id").is(id).and("asOf").lte(at));
        try {
            mongo.upsert(query, update.set("asOf", at), collection);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }
}
