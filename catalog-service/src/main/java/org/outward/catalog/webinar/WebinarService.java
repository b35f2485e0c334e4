package org.outward.catalog.webinar;

import static org.outward.catalog.webinar.WebinarDocuments.ARCHIVED_AT;
import static org.outward.catalog.webinar.WebinarDocuments.COLLECTION;
import static org.outward.catalog.webinar.WebinarDocuments.CREATED_AT;
import static org.outward.catalog.webinar.WebinarDocuments.ID;
import static org.outward.catalog.webinar.WebinarDocuments.PUBLISHED_AT;
import static org.outward.catalog.webinar.WebinarDocuments.SEARCH_TERMS;
import static org.outward.catalog.webinar.WebinarDocuments.SERIES_POSITION;
import static org.outward.catalog.webinar.WebinarDocuments.SLUG;
import static org.outward.catalog.webinar.WebinarDocuments.STATUS;
import static org.outward.catalog.webinar.WebinarDocuments.TITLE;
import static org.outward.catalog.webinar.WebinarDocuments.TOPICS;
import static org.outward.catalog.webinar.WebinarDocuments.UPDATED_AT;
import static org.outward.catalog.webinar.WebinarDocuments.VERSION;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.outward.catalog.support.Documents;
import org.outward.catalog.support.PageView;
import org.outward.catalog.support.Times;
import org.outward.contracts.Events;
import org.outward.platform.concurrency.ETags;
import org.outward.platform.concurrency.VersionedWrites;
import org.outward.platform.errors.BadRequestException;
import org.outward.platform.errors.ConflictException;
import org.outward.platform.errors.NotFoundException;
import org.outward.platform.errors.PreconditionFailedException;
import org.outward.platform.outbox.OutboxEntry;
import org.outward.platform.outbox.OutboxEvents;
import org.outward.platform.search.SearchAnalyzer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * The webinar catalog. Each state change is one single-document write that carries its own event
 * in the document's outbox, so the change and the event happen together or not at all. Writes
 * match the version they were computed from (optimistic concurrency); a write that loses the race
 * is retried from a fresh read, or refused with 412 when the client named the version it expects.
 */
@Service
public class WebinarService implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(WebinarService.class);


    /** RELEVANCE: by word score (only with a text condition), ties in POSITION order. */
    public enum SortOrder { POSITION, DATE, RELEVANCE }

    /**
     * @param status null for every status
     * @param slug   null for any slug
     * @param topic  null for any topic
     * @param text   free text; null or blank for no text condition
     */
    public record Filter(WebinarStatus status, String slug, String topic, String text, SortOrder sort) {
    }

    private final MongoTemplate mongo;
    private final OutboxEvents outbox;
    private final Clock clock;

    public WebinarService(MongoTemplate mongo, OutboxEvents outbox, Clock clock) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Slugs are unique (the API's 409 relies on it); the others serve the list and search queries. */
    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(COLLECTION).createIndex(new Index().on(SLUG, Sort.Direction.ASC).unique().named("slug_unique"));
        // Both list orders end with _id (stable pages), so the indexes do too: the sort is then read off the index.
        mongo.indexOps(COLLECTION).createIndex(new Index()
                .on(STATUS, Sort.Direction.ASC)
                .on(SERIES_POSITION, Sort.Direction.ASC)
                .on(TITLE, Sort.Direction.ASC)
                .on(ID, Sort.Direction.ASC)
                .named("status_position_title_id"));
        mongo.indexOps(COLLECTION).createIndex(new Index()
                .on(STATUS, Sort.Direction.ASC)
                .on(PUBLISHED_AT, Sort.Direction.DESC)
                .on(CREATED_AT, Sort.Direction.DESC)
                .on(ID, Sort.Direction.ASC)
                .named("status_published_created_id"));
        mongo.indexOps(COLLECTION).createIndex(new Index().on(TOPICS, Sort.Direction.ASC).named("topics"));
        mongo.indexOps(COLLECTION).createIndex(new Index().on(SEARCH_TERMS, Sort.Direction.ASC).named("search_terms"));
        reanalyse();
    }

    /**
     * Webinars stored with an older analysis get their search terms again from their fields: derived data only
     * (no version change, no event), so a concurrent edit loses nothing: its own write carries fresh terms.
     */
    private void reanalyse() {
        Query stale = Query.query(Criteria.where(WebinarDocuments.ANALYSIS).ne(WebinarDocuments.CURRENT_ANALYSIS));
        int count = 0;
        for (Document webinar : mongo.find(stale, Document.class, COLLECTION)) {
            mongo.updateFirst(Query.query(Criteria.where(ID).is(webinar.get(ID)).and(VERSION).is(webinar.get(VERSION))),
                    new Update().set(SEARCH_TERMS, WebinarDocuments.searchTerms(webinar))
                            .set(WebinarDocuments.ANALYSIS, WebinarDocuments.CURRENT_ANALYSIS), COLLECTION);
            count++;
        }
        if (count > 0) {
            log.info("webinar search terms analysed again webinars={} analysis={}", count,
                    WebinarDocuments.CURRENT_ANALYSIS);
        }
    }

    public WebinarView create(CreateWebinarRequest request) {
        String id = UUID.randomUUID().toString();
        Document document = WebinarDocuments.newDraft(id, request, Times.now(clock));
        try {
            mongo.insert(document, COLLECTION);
        } catch (DuplicateKeyException e) {
            throw duplicateSlug(request.slug());
        }
        log.info("created webinar id={} slug={}", id, request.slug());
        return WebinarDocuments.toView(document);
    }

    /**
     * Replaces the content of a draft or published webinar (PUT semantics) and emits WebinarUpdated,
     * in one findAndModify that only matches the version the client read.
     *
     * @param expectedVersion from If-Match; null for "*" (whatever the current version is)
     */
    public WebinarView update(String id, CreateWebinarRequest request, Long expectedVersion) {
        Document currentDocument = findDocument(id).orElseThrow(() -> new NotFoundException("Webinar", id));
        WebinarView current = WebinarDocuments.toView(currentDocument);
        ETags.check(expectedVersion, current.version());
        if (current.status() == WebinarStatus.ARCHIVED) {
            throw new ConflictException("status", "An archived webinar cannot be edited; publish it again first.");
        }
        Instant now = Times.now(clock);
        Document content = WebinarDocuments.content(request, current.resources());
        Document after = new Document(currentDocument);
        after.putAll(content);
        after.put(UPDATED_AT, Documents.date(now));
        after.put(VERSION, current.version() + 1);
        WebinarView afterView = WebinarDocuments.toView(after);

        Update update = new Update().set(UPDATED_AT, Documents.date(now)).inc(VERSION, 1L);
        content.forEach(update::set);
        OutboxEvents.push(update, List.of(outbox.entry(Events.WEBINAR_UPDATED, id,
                WebinarDocuments.updated(afterView))));
        Document written;
        try {
            written = mongo.findAndModify(asRead(current), update, FindAndModifyOptions.options().returnNew(true),
                    Document.class, COLLECTION);
        } catch (DuplicateKeyException e) {
            throw duplicateSlug(request.slug());
        }
        if (written == null) {
            throw new PreconditionFailedException("Webinar " + id + " changed meanwhile; read it again and retry.");
        }
        log.info("updated webinar id={} slug={} version={}", id, afterView.slug(), afterView.version());
        return WebinarDocuments.toView(written);
    }

    /**
     * Publishes a draft (or an archived webinar again): status, publishedAt, version and the
     * WebinarPublished event in one findAndModify that only matches the webinar as it was read.
     * Publishing a published webinar changes nothing and emits nothing.
     *
     * @param expectedVersion from If-Match, or null
     */
    public WebinarView publish(String id, Long expectedVersion) {
        return changeStatus(id, expectedVersion, WebinarStatus.PUBLISHED,
                (update, now) -> update.set(PUBLISHED_AT, Documents.date(now)).set(ARCHIVED_AT, null),
                (current, newVersion, now) -> outbox.entry(Events.WEBINAR_PUBLISHED, id,
                        WebinarDocuments.published(current, newVersion, now)));
    }

    /** Withdraws a webinar from the series with WebinarArchived; archiving an archived one changes nothing. */
    public WebinarView archive(String id, Long expectedVersion) {
        return changeStatus(id, expectedVersion, WebinarStatus.ARCHIVED,
                (update, now) -> update.set(ARCHIVED_AT, Documents.date(now)),
                (current, newVersion, now) -> outbox.entry(Events.WEBINAR_ARCHIVED, id,
                        WebinarDocuments.archived(current, newVersion, now)));
    }

    /** The event a status change emits, made from the webinar as read, its next version and the time. */
    private interface StatusEvent {
        OutboxEntry entry(WebinarView current, long newVersion, Instant now);
    }

    /**
     * Moves a webinar to {@code target} with its event, in one write that only matches the webinar as it was read
     * (retried a few times when someone else changed it meanwhile). Already there: nothing changes, nothing is
     * emitted.
     */
    private WebinarView changeStatus(String id, Long expectedVersion, WebinarStatus target,
            java.util.function.BiFunction<Update, Instant, Update> fields, StatusEvent event) {
        return VersionedWrites.retry("Webinar " + id, () -> {
            WebinarView current = find(id).orElseThrow(() -> new NotFoundException("Webinar", id));
            ETags.check(expectedVersion, current.version());
            if (current.status() == target) {
                log.info("webinar id={} is {} already; nothing to do", id, target.wireName());
                return Optional.of(current);
            }
            Instant now = Times.now(clock);
            long newVersion = current.version() + 1;
            Update update = fields.apply(new Update()
                    .set(STATUS, target.wireName())
                    .set(UPDATED_AT, Documents.date(now))
                    .inc(VERSION, 1L), now);
            OutboxEvents.push(update, List.of(event.entry(current, newVersion, now)));
            Optional<WebinarView> changed = write(current, update);
            changed.ifPresent(c -> log.info("webinar id={} slug={} is {} at version {}", id, current.slug(),
                    target.wireName(), newVersion));
            return changed;
        });
    }

    /**
     * Gives the listed webinars the series positions 1, 2, 3 ... in the order given. Each webinar
     * whose position changes is its own single-document write with its own WebinarUpdated (no
     * multi-document transactions); webinars not listed keep their positions. All ids are checked
     * before anything is written.
     */
    public List<WebinarView> reorder(List<String> ids) {
        if (new HashSet<>(ids).size() != ids.size()) {
            throw new BadRequestException("ids", "must not name a webinar twice");
        }
        for (int i = 0; i < ids.size(); i++) {
            if (!mongo.exists(Query.query(Criteria.where(ID).is(ids.get(i))), COLLECTION)) {
                throw new BadRequestException("ids[" + i + "]", "no webinar has this id");
            }
        }
        List<WebinarView> result = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            result.add(moveTo(ids.get(i), i + 1));
        }
        log.info("reordered {} webinars", ids.size());
        return result;
    }

    private WebinarView moveTo(String id, int position) {
        return VersionedWrites.retry("Webinar " + id, () -> {
            Document currentDocument = findDocument(id).orElseThrow(() -> new NotFoundException("Webinar", id));
            WebinarView current = WebinarDocuments.toView(currentDocument);
            if (current.seriesPosition() == position) {
                return Optional.of(current);
            }
            Instant now = Times.now(clock);
            Document after = new Document(currentDocument);
            after.put(SERIES_POSITION, position);
            after.put(UPDATED_AT, Documents.date(now));
            after.put(VERSION, current.version() + 1);
            Update update = new Update().set(SERIES_POSITION, position).set(UPDATED_AT, Documents.date(now))
                    .inc(VERSION, 1L);
            OutboxEvents.push(update, List.of(outbox.entry(Events.WEBINAR_UPDATED, id,
                    WebinarDocuments.updated(WebinarDocuments.toView(after)))));
            return write(current, update);
        });
    }

    private Optional<WebinarView> write(WebinarView current, Update update) {
        return Optional.ofNullable(mongo.findAndModify(asRead(current), update,
                FindAndModifyOptions.options().returnNew(true), Document.class, COLLECTION))
                .map(WebinarDocuments::toView);
    }

    private static Query asRead(WebinarView current) {
        return Query.query(Criteria.where(ID).is(current.id()).and(VERSION).is(current.version()));
    }

    public Optional<WebinarView> find(String id) {
        return findDocument(id).map(WebinarDocuments::toView);
    }

    private Optional<Document> findDocument(String id) {
        return Optional.ofNullable(mongo.findById(id, Document.class, COLLECTION));
    }

    /**
     * One page of the catalog. Every sort ends with the id, so pages never overlap or skip even when
     * positions, titles or dates are equal.
     */
    public PageView<WebinarView> list(Filter filter, int page, int size) {
        Query query = new Query();
        if (filter.status() != null) {
            query.addCriteria(Criteria.where(STATUS).is(filter.status().wireName()));
        }
        if (filter.slug() != null) {
            query.addCriteria(Criteria.where(SLUG).is(filter.slug()));
        }
        if (filter.topic() != null) {
            query.addCriteria(Criteria.where(TOPICS).is(filter.topic()));
        }
        List<String> terms = List.of();
        if (filter.text() != null && !filter.text().isBlank()) {
            terms = SearchAnalyzer.distinctTerms(filter.text());
            if (terms.isEmpty()) {
                return new PageView<>(List.of(), page, size, 0); // only stop words or punctuation
            }
            if (filter.sort() == SortOrder.RELEVANCE) {
                return ranked(query, terms, page, size);
            }
            query.addCriteria(Criteria.where(SEARCH_TERMS).all(terms));
        }
        long total = mongo.count(query, COLLECTION);
        Sort sort = filter.sort() == SortOrder.DATE
                ? Sort.by(Sort.Order.desc(PUBLISHED_AT), Sort.Order.desc(CREATED_AT), Sort.Order.asc(ID))
                : Sort.by(SERIES_POSITION, TITLE, ID);
        query.with(sort).skip((long) page * size).limit(size);
        query.fields().exclude(SEARCH_TERMS).exclude("outbox");
        List<WebinarView> items = mongo.find(query, Document.class, COLLECTION).stream()
                .map(WebinarDocuments::toView)
                .toList();
        return new PageView<>(items, page, size, total);
    }

    /**
     * The webinars holding every term, best word score first. All matches are read and ranked in memory: the
     * catalog is a series of webinars, not a library of documents.
     */
    private PageView<WebinarView> ranked(Query filters, List<String> terms, int page, int size) {
        long documents = mongo.count(Query.of(filters), COLLECTION);
        Map<String, Long> withTerm = new HashMap<>();
        for (String term : terms) {
            withTerm.put(term, mongo.count(Query.of(filters).addCriteria(Criteria.where(SEARCH_TERMS).is(term)),
                    COLLECTION));
        }
        Query matches = Query.of(filters).addCriteria(Criteria.where(SEARCH_TERMS).all(terms))
                .with(Sort.by(SERIES_POSITION, TITLE, ID));
        matches.fields().exclude(SEARCH_TERMS).exclude("outbox");
        List<Document> ranked = WebinarRanking.rank(mongo.find(matches, Document.class, COLLECTION), terms,
                new WebinarRanking.Statistics(documents, withTerm));
        List<WebinarView> items = ranked.stream().skip((long) page * size).limit(size)
                .map(WebinarDocuments::toView).toList();
        return new PageView<>(items, page, size, ranked.size());
    }

    private static ConflictException duplicateSlug(String slug) {
        return new ConflictException("slug", "A webinar with slug '" + slug + "' exists already.");
    }

}
