package org.outward.catalog.roster;

import static org.outward.catalog.support.Documents.date;
import static org.outward.catalog.support.Documents.instant;
import static org.outward.catalog.support.Documents.longValue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.outward.catalog.support.Keys;
import org.outward.catalog.support.Times;
import org.outward.contracts.Events;
import org.outward.contracts.catalog.LibraryJoinedCohort;
import org.outward.contracts.catalog.LibraryLeftCohort;
import org.outward.contracts.catalog.LibraryUpdated;
import org.outward.catalog.support.Documents;
import org.outward.platform.concurrency.ETags;
import org.outward.platform.concurrency.VersionedWrites;
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
 * The libraries of each cohort, stored in {@value #COLLECTION}. A library's name is unique within
 * its cohort whatever its case and spacing: the unique index is on cohortId + nameKey. A library
 * that leaves its cohort keeps its document (which carries the LibraryLeftCohort event in its
 * outbox) marked with {@code leftAt}; from then on it is not found, and its name is free again. A change of its
 * details is written with LibraryUpdated, which carries the whole state: readers need no earlier event.
 */
@Service
public class LibraryService implements InitializingBean {

    static final String COLLECTION = "libraries";

    private static final Logger log = LoggerFactory.getLogger(LibraryService.class);

    private final MongoTemplate mongo;
    private final CohortService cohorts;
    private final OutboxEvents outbox;
    private final Clock clock;

    public LibraryService(MongoTemplate mongo, CohortService cohorts, OutboxEvents outbox, Clock clock) {
        this.mongo = mongo;
        this.cohorts = cohorts;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(COLLECTION).createIndex(new Index()
                .on("cohortId", Sort.Direction.ASC)
                .on("nameKey", Sort.Direction.ASC)
                .unique()
                .named("cohort_name_unique"));
    }

    /** Adds the library and its LibraryJoinedCohort event in one insert. */
    public LibraryView add(String cohortId, AddLibraryRequest request) {
        CohortView cohort = cohorts.get(cohortId);
        String id = UUID.randomUUID().toString();
        Instant now = Times.now(clock);
        String name = request.name().strip();
        String state = request.state().toUpperCase(Locale.ROOT);
        String timeZone = ZoneId.of(request.timeZone()).getId();
        String contactEmail = request.contactEmail().strip();
        Document document = new Document("_id", id)
                .append("cohortId", cohort.id())
                .append("name", name)
                .append("nameKey", Keys.of(name))
                .append("city", request.city().strip())
                .append("state", state)
                .append("contactEmail", contactEmail)
                .append("timeZone", timeZone)
                .append("version", 1L)
                .append("createdAt", date(now))
                .append("updatedAt", date(now));
        LibraryJoinedCohort event = new LibraryJoinedCohort(id, cohort.id(), cohort.name(), name,
                document.getString("city"), state, timeZone, contactEmail);
        OutboxEvents.attach(document, List.of(outbox.entry(Events.LIBRARY_JOINED_COHORT, id, event)));
        try {
            mongo.insert(document, COLLECTION);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("name", "Cohort " + cohort.slug() + " has a library named '" + name
                    + "' already.");
        }
        log.info("library id={} joined cohort id={}", id, cohort.id());
        return toView(document);
    }

    /**
     * Replaces the library's name, city, state, contact and time zone with LibraryUpdated, in one write that matches
     * the version read of a library still in its cohort. Nothing changed: nothing written, nothing emitted. A name
     * another library of the cohort has is 409.
     *
     * @param expectedVersion from If-Match; null for "*"
     */
    public LibraryView update(String id, AddLibraryRequest request, Long expectedVersion) {
        return VersionedWrites.retry("Library " + id, () -> {
            LibraryView current = get(id);
            ETags.check(expectedVersion, current.version());
            String name = request.name().strip();
            String city = request.city().strip();
            String state = request.state().toUpperCase(Locale.ROOT);
            String contactEmail = request.contactEmail().strip();
            String timeZone = ZoneId.of(request.timeZone()).getId();
            if (name.equals(current.name()) && city.equals(current.city()) && state.equals(current.state())
                    && contactEmail.equals(current.contactEmail()) && timeZone.equals(current.timeZone())) {
                return Optional.of(current);
            }
            CohortView cohort = cohorts.get(current.cohortId());
            Instant now = Times.now(clock);
            Update update = new Update()
                    .set("name", name)
                    .set("nameKey", Keys.of(name))
                    .set("city", city)
                    .set("state", state)
                    .set("contactEmail", contactEmail)
                    .set("timeZone", timeZone)
                    .set("updatedAt", date(now))
                    .inc("version", 1L);
            OutboxEvents.push(update, List.of(outbox.entry(Events.LIBRARY_UPDATED, id, new LibraryUpdated(id,
                    cohort.id(), cohort.name(), name, city, state, timeZone, contactEmail))));
            Document written;
            try {
                written = mongo.findAndModify(Query.query(Criteria.where("_id").is(id).and("leftAt").is(null)
                        .and("version").is(current.version())), update, FindAndModifyOptions.options().returnNew(true),
                        Document.class, COLLECTION);
            } catch (DuplicateKeyException e) {
                throw new ConflictException("name", "Cohort " + cohort.slug() + " has a library named '" + name
                        + "' already.");
            }
            if (written == null) {
                return Optional.<LibraryView>empty();
            }
            log.info("updated library id={} version={} timeZone={}", id, written.get("version"), timeZone);
            return Optional.of(toView(written));
        });
    }

    /**
     * Removes the library from its cohort: leftAt, a freed name key, version and LibraryLeftCohort in
     * one update that only matches a library still in its cohort (so two removals emit one event).
     */
    public void remove(String id) {
        LibraryView library = get(id);
        Instant now = Times.now(clock);
        Update update = new Update()
                .set("leftAt", Documents.date(now))
                .set("nameKey", Keys.of(library.name()) + "#left#" + id)
                .set("updatedAt", Documents.date(now))
                .inc("version", 1L);
        OutboxEvents.push(update, List.of(outbox.entry(Events.LIBRARY_LEFT_COHORT, id,
                new LibraryLeftCohort(id, library.cohortId(), library.name(), now))));
        Document removed = mongo.findAndModify(active(id), update, Document.class, COLLECTION);
        if (removed == null) {
            throw new NotFoundException("Library", id);
        }
        log.info("library id={} left cohort id={}", id, library.cohortId());
    }

    /** A library still in its cohort; one that left is not found. */
    public Optional<LibraryView> find(String id) {
        return Optional.ofNullable(mongo.findOne(active(id), Document.class, COLLECTION)).map(LibraryService::toView);
    }

    private static Query active(String id) {
        return Query.query(Criteria.where("_id").is(id).and("leftAt").is(null));
    }

    public LibraryView get(String id) {
        return find(id).orElseThrow(() -> new NotFoundException("Library", id));
    }

    /** The cohort's libraries by name; 404 when the cohort does not exist. */
    public List<LibraryView> listInCohort(String cohortId) {
        cohorts.get(cohortId);
        Query query = Query.query(Criteria.where("cohortId").is(cohortId).and("leftAt").is(null)).with(Sort.by("nameKey", "_id"));
        return mongo.find(query, Document.class, COLLECTION).stream().map(LibraryService::toView).toList();
    }

    private static LibraryView toView(Document document) {
        return new LibraryView(
                document.getString("_id"),
                document.getString("cohortId"),
                document.getString("name"),
                document.getString("city"),
                document.getString("state"),
                document.getString("contactEmail"),
                document.getString("timeZone"),
                longValue(document, "version"),
                instant(document, "createdAt"),
                instant(document, "updatedAt"));
    }
}
