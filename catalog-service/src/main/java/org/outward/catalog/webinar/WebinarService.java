package org.outward.catalog.webinar;

import static org.outward.catalog.webinar.WebinarDocuments.COLLECTION;
import static org.outward.catalog.webinar.WebinarDocuments.ID;
import static org.outward.catalog.webinar.WebinarDocuments.PUBLISHED_AT;
import static org.outward.catalog.webinar.WebinarDocuments.SERIES_POSITION;
import static org.outward.catalog.webinar.WebinarDocuments.SLUG;
import static org.outward.catalog.webinar.WebinarDocuments.STATUS;
import static org.outward.catalog.webinar.WebinarDocuments.TITLE;
import static org.outward.catalog.webinar.WebinarDocuments.UPDATED_AT;
import static org.outward.catalog.webinar.WebinarDocuments.VERSION;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.outward.catalog.support.Documents;
import org.outward.catalog.support.PageView;
import org.outward.catalog.support.Times;
import org.outward.contracts.Events;
import org.outward.contracts.catalog.WebinarPublished;
import org.outward.platform.errors.ConflictException;
import org.outward.platform.errors.NotFoundException;
import org.outward.platform.outbox.OutboxEvents;
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
 * in the document's outbox, so the change and the event happen together or not at all.
 */
@Service
public class WebinarService implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(WebinarService.class);

    /** Publishing retries when the draft changed between reading and writing it. */
    private static final int PUBLISH_ATTEMPTS = 3;

    private final MongoTemplate mongo;
    private final OutboxEvents outbox;
    private final Clock clock;

    public WebinarService(MongoTemplate mongo, OutboxEvents outbox, Clock clock) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Slugs are unique (the API's 409 relies on it); the second index serves the list query. */
    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(COLLECTION).createIndex(new Index().on(SLUG, Sort.Direction.ASC).unique().named("slug_unique"));
        mongo.indexOps(COLLECTION).createIndex(new Index()
                .on(STATUS, Sort.Direction.ASC)
                .on(SERIES_POSITION, Sort.Direction.ASC)
                .on(TITLE, Sort.Direction.ASC)
                .named("status_position_title"));
    }

    public WebinarView create(CreateWebinarRequest request) {
        String id = UUID.randomUUID().toString();
        Document document = WebinarDocuments.newDraft(id, request, Times.now(clock));
        try {
            mongo.insert(document, COLLECTION);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("slug", "A webinar with slug '" + request.slug() + "' exists already.");
        }
        log.info("created webinar id={} slug={}", id, request.slug());
        return WebinarDocuments.toView(document);
    }

    /**
     * Publishes a draft: status, publishedAt, version and the WebinarPublished event in one
     * findAndModify that only matches the draft as it was read. Publishing a published webinar
     * changes nothing and emits nothing.
     */
    public WebinarView publish(String id) {
        for (int attempt = 0; attempt < PUBLISH_ATTEMPTS; attempt++) {
            WebinarView current = find(id).orElseThrow(() -> new NotFoundException("Webinar", id));
            if (current.status() == WebinarStatus.PUBLISHED) {
                log.info("webinar id={} is published already; nothing to do", id);
                return current;
            }
            Instant now = Times.now(clock);
            long newVersion = current.version() + 1;
            WebinarPublished event = WebinarDocuments.published(current, newVersion, now);
            Update update = new Update()
                    .set(STATUS, WebinarStatus.PUBLISHED.wireName())
                    .set(PUBLISHED_AT, Documents.date(now))
                    .set(UPDATED_AT, Documents.date(now))
                    .inc(VERSION, 1L);
            OutboxEvents.push(update, List.of(outbox.entry(Events.WEBINAR_PUBLISHED, id, event)));
            Query asRead = Query.query(Criteria.where(ID).is(id)
                    .and(STATUS).is(WebinarStatus.DRAFT.wireName())
                    .and(VERSION).is(current.version()));
            Document published = mongo.findAndModify(asRead, update, FindAndModifyOptions.options().returnNew(true),
                    Document.class, COLLECTION);
            if (published != null) {
                log.info("published webinar id={} slug={} version={}", id, current.slug(), newVersion);
                return WebinarDocuments.toView(published);
            }
            // Someone else changed it in between (published it, most likely): look again.
        }
        throw new ConflictException(null, "Webinar " + id + " changed while it was being published; try again.");
    }

    public Optional<WebinarView> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Document.class, COLLECTION)).map(WebinarDocuments::toView);
    }

    /**
     * @param status null for every status
     * @param slug   null for any slug
     */
    public PageView<WebinarView> list(WebinarStatus status, String slug, int page, int size) {
        Query query = new Query();
        if (status != null) {
            query.addCriteria(Criteria.where(STATUS).is(status.wireName()));
        }
        if (slug != null) {
            query.addCriteria(Criteria.where(SLUG).is(slug));
        }
        long total = mongo.count(query, COLLECTION);
        query.with(Sort.by(SERIES_POSITION, TITLE, ID)).skip((long) page * size).limit(size);
        List<WebinarView> items = mongo.find(query, Document.class, COLLECTION).stream()
                .map(WebinarDocuments::toView)
                .toList();
        return new PageView<>(items, page, size, total);
    }
}
