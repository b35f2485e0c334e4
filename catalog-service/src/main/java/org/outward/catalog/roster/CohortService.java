package org.outward.catalog.roster;

import static org.outward.catalog.support.Documents.date;
import static org.outward.catalog.support.Documents.instant;
import static org.outward.catalog.support.Documents.longValue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.outward.catalog.support.Times;
import org.outward.catalog.timeline.ProgramSchedule;
import org.outward.contracts.Events;
import org.outward.contracts.catalog.CohortCreated;
import org.outward.contracts.catalog.CohortUpdated;
import org.outward.contracts.catalog.MilestoneData;
import org.outward.platform.concurrency.ETags;
import org.outward.platform.concurrency.VersionedWrites;
import org.outward.platform.outbox.OutboxEvents;
import org.outward.platform.errors.ConflictException;
import org.outward.platform.errors.NotFoundException;
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
 * Cohorts, stored in {@value #COLLECTION}. Dates are stored as ISO strings (yyyy-MM-dd): they are
 * calendar dates, not instants, so no time zone may shift them, and they still sort correctly. A new cohort
 * is inserted together with its CohortCreated event (with the program's milestones over its dates), a change
 * written together with its CohortUpdated event (the whole state again, milestones over the new dates).
 */
@Service
public class CohortService implements InitializingBean {

    static final String COLLECTION = "cohorts";

    private static final Logger log = LoggerFactory.getLogger(CohortService.class);

    private final MongoTemplate mongo;
    private final OutboxEvents outbox;
    private final ProgramSchedule schedule;
    private final Clock clock;

    public CohortService(MongoTemplate mongo, OutboxEvents outbox, ProgramSchedule schedule, Clock clock) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.schedule = schedule;
        this.clock = clock;
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(COLLECTION).createIndex(new Index().on("slug", Sort.Direction.ASC).unique().named("slug_unique"));
    }

    public CohortView create(CreateCohortRequest request) {
        String id = UUID.randomUUID().toString();
        Instant now = Times.now(clock);
        Document document = new Document("_id", id)
                .append("name", request.name().strip())
                .append("slug", request.slug())
                .append("startsOn", request.startsOn().toString())
                .append("endsOn", request.endsOn().toString())
                .append("version", 1L)
                .append("createdAt", date(now))
                .append("updatedAt", date(now));
        CohortView view = toView(document);
        OutboxEvents.attach(document, List.of(outbox.entry(Events.COHORT_CREATED, id, new CohortCreated(id,
                view.name(), view.slug(), view.startsOn(), view.endsOn(), milestones(view), view.version()))));
        try {
            mongo.insert(document, COLLECTION);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("slug", "A cohort with slug '" + request.slug() + "' exists already.");
        }
        log.info("created cohort id={} slug={}", id, request.slug());
        return view;
    }

    /**
     * Replaces the cohort's name and dates with CohortUpdated, in one write that matches the version read. Nothing
     * changed: nothing written, nothing emitted.
     *
     * @param expectedVersion from If-Match; null for "*"
     */
    public CohortView update(String id, UpdateCohortRequest request, Long expectedVersion) {
        return VersionedWrites.retry("Cohort " + id, () -> {
            CohortView current = get(id);
            ETags.check(expectedVersion, current.version());
            String name = request.name().strip();
            if (name.equals(current.name()) && request.startsOn().equals(current.startsOn())
                    && request.endsOn().equals(current.endsOn())) {
                return Optional.of(current);
            }
            Instant now = Times.now(clock);
            CohortView after = new CohortView(id, name, current.slug(), request.startsOn(), request.endsOn(),
                    current.version() + 1, current.createdAt(), now);
            Update update = new Update()
                    .set("name", name)
                    .set("startsOn", after.startsOn().toString())
                    .set("endsOn", after.endsOn().toString())
                    .set("updatedAt", date(now))
                    .inc("version", 1L);
            OutboxEvents.push(update, List.of(outbox.entry(Events.COHORT_UPDATED, id, new CohortUpdated(id,
                    after.name(), after.slug(), after.startsOn(), after.endsOn(), milestones(after), after.version()))));
            Optional<CohortView> written = Optional.ofNullable(mongo.findAndModify(
                    Query.query(Criteria.where("_id").is(id).and("version").is(current.version())), update,
                    FindAndModifyOptions.options().returnNew(true), Document.class, COLLECTION))
                    .map(CohortService::toView);
            written.ifPresent(w -> log.info("updated cohort id={} version={} startsOn={} endsOn={}", id, w.version(),
                    w.startsOn(), w.endsOn()));
            return written;
        });
    }

    /** The program's dates within the cohort: start, calibrations expected, reports due, end. */
    public List<MilestoneData> milestones(CohortView cohort) {
        return schedule.milestones(cohort.startsOn(), cohort.endsOn());
    }

    public Optional<CohortView> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Document.class, COLLECTION)).map(CohortService::toView);
    }

    public CohortView get(String id) {
        return find(id).orElseThrow(() -> new NotFoundException("Cohort", id));
    }

    /** Every cohort (there are few), or the one with the given slug; by start date, then name. */
    public List<CohortView> list(String slug) {
        Query query = slug == null ? new Query() : Query.query(Criteria.where("slug").is(slug));
        query.with(Sort.by("startsOn", "name", "_id"));
        return mongo.find(query, Document.class, COLLECTION).stream().map(CohortService::toView).toList();
    }

    private static CohortView toView(Document document) {
        return new CohortView(
                document.getString("_id"),
                document.getString("name"),
                document.getString("slug"),
                LocalDate.parse(document.getString("startsOn")),
                LocalDate.parse(document.getString("endsOn")),
                longValue(document, "version"),
                instant(document, "createdAt"),
                instant(document, "updatedAt"));
    }
}
