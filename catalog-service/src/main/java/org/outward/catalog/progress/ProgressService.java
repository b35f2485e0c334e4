package org.outward.catalog.progress;

import static org.outward.catalog.support.Documents.date;
import static org.outward.catalog.support.Documents.instant;
import static org.outward.catalog.support.Documents.longValue;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bson.Document;
import org.outward.catalog.roster.CohortService;
import org.outward.catalog.roster.CohortView;
import org.outward.catalog.roster.LibraryService;
import org.outward.catalog.roster.LibraryView;
import org.outward.catalog.roster.MemberService;
import org.outward.catalog.roster.MemberView;
import org.outward.catalog.session.SessionService;
import org.outward.catalog.support.Times;
import org.outward.catalog.webinar.WebinarService;
import org.outward.catalog.webinar.WebinarStatus;
import org.outward.catalog.webinar.WebinarView;
import org.outward.contracts.Events;
import org.outward.contracts.catalog.ProgressRecorded;
import org.outward.platform.concurrency.VersionedWrites;
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
 * Each library's progress, one document per library and webinar in {@value #COLLECTION} (id
 * {@code libraryId:webinarId}), so every mark is a single-document write together with its
 * ProgressRecorded event. Marking what is already marked (or unmarking what is not) changes
 * nothing and emits nothing.
 */
@Service
public class ProgressService implements InitializingBean {

    static final String COLLECTION = "progress";

    private static final Logger log = LoggerFactory.getLogger(ProgressService.class);

    private final MongoTemplate mongo;
    private final LibraryService libraries;
    private final CohortService cohorts;
    private final WebinarService webinars;
    private final MemberService people;
    private final SessionService sessions;
    private final PersonalProgress personal;
    private final OutboxEvents outbox;
    private final Clock clock;

    public ProgressService(MongoTemplate mongo, LibraryService libraries, CohortService cohorts,
            WebinarService webinars, MemberService people, SessionService sessions, PersonalProgress personal,
            OutboxEvents outbox, Clock clock) {
        this.mongo = mongo;
        this.libraries = libraries;
        this.cohorts = cohorts;
        this.webinars = webinars;
        this.people = people;
        this.sessions = sessions;
        this.personal = personal;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(COLLECTION).createIndex(new Index().on("cohortId", Sort.Direction.ASC).named("cohort"));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("libraryId", Sort.Direction.ASC).named("library"));
    }

    /**
     * Marks (done = true) or unmarks a webinar watched (resourceKey null) or one of its resources done.
     * The library must be on the roster and the webinar published; a resource key must be one of the
     * webinar's current resources.
     */
    public ProgressView record(String libraryId, String webinarId, String resourceKey, boolean done,
            String recordedBy) {
        LibraryView library = libraries.get(libraryId);
        WebinarView webinar = webinars.find(webinarId)
                .filter(found -> found.status() == WebinarStatus.PUBLISHED)
                .orElseThrow(() -> new NotFoundException("Webinar", webinarId));
        if (resourceKey != null && webinar.resources().stream().noneMatch(r -> r.key().equals(resourceKey))) {
            throw new NotFoundException("Resource", resourceKey);
        }
        String id = libraryId + ":" + webinarId;
        return VersionedWrites.retry("The progress", () -> {
            Document current = mongo.findById(id, Document.class, COLLECTION);
            boolean watched = current != null && Boolean.TRUE.equals(current.getBoolean("watched"));
            List<String> resourcesDone = new ArrayList<>(current == null ? List.of()
                    : current.getList("resourcesDone", String.class, List.of()));
            if (resourceKey == null) {
                if (watched == done) {
                    return Optional.of(toView(current, libraryId, webinarId));
                }
                watched = done;
            } else {
                if (resourcesDone.contains(resourceKey) == done) {
                    return Optional.of(toView(current, libraryId, webinarId));
                }
                if (done) {
                    resourcesDone.add(resourceKey);
                } else {
                    resourcesDone.remove(resourceKey);
                }
            }
            Instant now = Times.now(clock);
            ProgressRecorded event = new ProgressRecorded(libraryId, library.cohortId(), webinarId,
                    resourceKey == null ? ProgressRecorded.KIND_WEBINAR_WATCHED : ProgressRecorded.KIND_RESOURCE_DONE,
                    resourceKey, done, recordedBy, now);
            var entries = List.of(outbox.entry(Events.PROGRESS_RECORDED, libraryId, event));
            Document written;
            if (current == null) {
                Document document = new Document("_id", id)
                        .append("libraryId", libraryId)
                        .append("cohortId", library.cohortId())
                        .append("webinarId", webinarId)
                        .append("watched", watched)
                        .append("resourcesDone", resourcesDone)
                        .append("version", 1L)
                        .append("updatedAt", date(now));
                OutboxEvents.attach(document, entries);
                try {
                    written = mongo.insert(document, COLLECTION);
                } catch (DuplicateKeyException e) {
                    return Optional.<ProgressView>empty(); // someone recorded the first mark at the same moment
                }
            } else {
                Update update = new Update().set("watched", watched).set("resourcesDone", resourcesDone)
                        .set("updatedAt", date(now)).inc("version", 1L);
                OutboxEvents.push(update, entries);
                written = mongo.findAndModify(
                        Query.query(Criteria.where("_id").is(id).and("version").is(longValue(current, "version"))),
                        update, FindAndModifyOptions.options().returnNew(true), Document.class, COLLECTION);
                if (written == null) {
                    return Optional.<ProgressView>empty();
                }
            }
            log.info("progress libraryId={} webinarId={} kind={} resourceKey={} done={}", libraryId, webinarId,
                    event.kind(), resourceKey, done);
            return Optional.of(toView(written, libraryId, webinarId));
        });
    }

    /** What the library has marked, webinar by webinar (only webinars with a mark ever recorded). */
    public List<ProgressView> ofLibrary(String libraryId) {
        libraries.get(libraryId);
        Query query = Query.query(Criteria.where("libraryId").is(libraryId)).with(Sort.by("webinarId"));
        query.fields().exclude("outbox");
        return mongo.find(query, Document.class, COLLECTION).stream()
                .map(document -> toView(document, libraryId, document.getString("webinarId")))
                .toList();
    }

    /** The cohort's libraries (by name) against the published webinars (in series order). */
    public ProgressMatrix matrix(String cohortId) {
        CohortView cohort = cohorts.get(cohortId);
        List<ProgressMatrix.Column> columns = columns();
        List<LibraryView> members = libraries.listInCohort(cohortId);
        Query query = Query.query(Criteria.where("cohortId").is(cohortId));
        query.fields().exclude("outbox");
        Map<String, Document> marks = mongo.find(query, Document.class, COLLECTION).stream()
                .collect(Collectors.toMap(document -> document.getString("_id"), Function.identity()));
        List<PeopleMatrix.Row> people = peopleRows(cohortId, columns, members);
        List<ProgressMatrix.Row> rows = members.stream().map(library -> {
            List<PeopleMatrix.Row> team = people.stream().filter(p -> library.id().equals(p.libraryId())).toList();
            List<ProgressMatrix.Cell> cells = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                ProgressMatrix.Column column = columns.get(i);
                Document mark = marks.get(library.id() + ":" + column.webinarId());
                boolean watched = mark != null && Boolean.TRUE.equals(mark.getBoolean("watched"));
                List<String> done = mark == null ? List.of() : mark.getList("resourcesDone", String.class,
                        List.of()).stream().filter(column.resourceKeys()::contains).toList();
                int index = i;
                int peopleDone = (int) team.stream().filter(p -> p.cells().get(index).done()).count();
                cells.add(new ProgressMatrix.Cell(column.webinarId(), watched, done, column.resourceKeys().size(),
                        peopleDone, watched || peopleDone > 0));
            }
            int doneCount = (int) cells.stream().filter(ProgressMatrix.Cell::done).count();
            return new ProgressMatrix.Row(library.id(), library.name(), cells, doneCount,
                    !columns.isEmpty() && doneCount == columns.size());
        }).toList();
        return new ProgressMatrix(cohort.id(), cohort.name(), columns, rows);
    }

    /** The cohort's people (by library, then name) against the published webinars. */
    public PeopleMatrix people(String cohortId) {
        CohortView cohort = cohorts.get(cohortId);
        List<ProgressMatrix.Column> columns = columns();
        return new PeopleMatrix(cohort.id(), cohort.name(), columns,
                peopleRows(cohortId, columns, libraries.listInCohort(cohortId)));
    }

    private List<PeopleMatrix.Row> peopleRows(String cohortId, List<ProgressMatrix.Column> columns,
            List<LibraryView> cohortLibraries) {
        Map<String, String> libraryNames = cohortLibraries.stream()
                .collect(Collectors.toMap(LibraryView::id, LibraryView::name));
        java.util.Set<String> watched = personal.watchedInCohort(cohortId);
        // memberId:webinarId -> the sessions of that webinar the person attended
        Map<String, List<String>> attended = new java.util.HashMap<>();
        for (Document session : sessions.heldInCohort(cohortId)) {
            for (Document entry : session.getList("attendance", Document.class, List.of())) {
                attended.computeIfAbsent(entry.getString("memberId") + ":" + session.getString("webinarId"),
                        k -> new ArrayList<>()).add(session.getString("_id"));
            }
        }
        return people.listInCohort(cohortId).stream()
                .filter(member -> libraryNames.containsKey(member.libraryId()))
                .sorted(java.util.Comparator.comparing((MemberView m) -> libraryNames.get(m.libraryId()))
                        .thenComparing(MemberView::name).thenComparing(MemberView::id))
                .map(member -> {
                    List<PeopleMatrix.Cell> cells = columns.stream().map(column -> {
                        String key = member.id() + ":" + column.webinarId();
                        List<String> sessionIds = attended.getOrDefault(key, List.of());
                        boolean recording = watched.contains(key);
                        return new PeopleMatrix.Cell(column.webinarId(), recording, List.copyOf(sessionIds),
                                recording || !sessionIds.isEmpty());
                    }).toList();
                    int doneCount = (int) cells.stream().filter(PeopleMatrix.Cell::done).count();
                    return new PeopleMatrix.Row(member.id(), member.name(), member.libraryId(),
                            libraryNames.get(member.libraryId()), cells, doneCount,
                            !columns.isEmpty() && doneCount == columns.size());
                }).toList();
    }

    private List<ProgressMatrix.Column> columns() {
        List<WebinarView> series = new ArrayList<>();
        for (int page = 0; ; page++) {
            var found = webinars.list(new WebinarService.Filter(WebinarStatus.PUBLISHED, null, null, null,
                    WebinarService.SortOrder.POSITION), page, 100);
            series.addAll(found.items());
            if (found.items().size() < 100) {
                break;
            }
        }
        return series.stream()
                .map(webinar -> new ProgressMatrix.Column(webinar.id(), webinar.slug(), webinar.title(),
                        webinar.seriesPosition(),
                        webinar.resources().stream().map(WebinarView.Resource::key).toList()))
                .toList();
    }

    private static ProgressView toView(Document document, String libraryId, String webinarId) {
        if (document == null) {
            return new ProgressView(libraryId, webinarId, false, List.of(), 0, null);
        }
        return new ProgressView(libraryId, webinarId, Boolean.TRUE.equals(document.getBoolean("watched")),
                document.getList("resourcesDone", String.class, List.of()), longValue(document, "version"),
                instant(document, "updatedAt"));
    }
}
