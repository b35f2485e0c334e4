package org.outward.catalog.roster;

import static org.outward.catalog.support.Documents.date;
import static org.outward.catalog.support.Documents.instant;
import static org.outward.catalog.support.Documents.longValue;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.outward.catalog.support.Keys;
import org.outward.catalog.support.Times;
import org.outward.contracts.Events;
import org.outward.contracts.catalog.MemberAdded;
import org.outward.contracts.catalog.MemberRemoved;
import org.outward.platform.errors.ConflictException;
import org.outward.platform.errors.NotFoundException;
import org.outward.platform.outbox.OutboxEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Everyone on the roster, library team members and program staff alike, stored in
 * {@value #COLLECTION}. An email address belongs to one person only, whatever its case: the unique
 * index is on emailKey (the lower-cased address), since people sign in and get mail by it. A removed
 * person keeps their document (it carries the MemberRemoved event in its outbox) marked with
 * {@code removedAt}; from then on they are not found, and their address is free again.
 */
@Service
public class MemberService implements InitializingBean {

    static final String COLLECTION = "members";
    /** Between a removed person's email key and their id: the key stays findable, the address free again. */
    static final String REMOVED_KEY = "#removed#";

    private static final Logger log = LoggerFactory.getLogger(MemberService.class);

    private final MongoTemplate mongo;
    private final LibraryService libraries;
    private final OutboxEvents outbox;
    private final Clock clock;

    public MemberService(MongoTemplate mongo, LibraryService libraries, OutboxEvents outbox, Clock clock) {
        this.mongo = mongo;
        this.libraries = libraries;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(COLLECTION).createIndex(new Index().on("emailKey", Sort.Direction.ASC).unique()
                .named("email_unique"));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("libraryId", Sort.Direction.ASC).named("library"));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("role", Sort.Direction.ASC).named("role"));
    }

    public MemberView addToLibrary(String libraryId, AddMemberRequest request) {
        LibraryView library = libraries.get(libraryId);
        String teamRole = request.teamRole() == null || request.teamRole().isBlank() ? null : request.teamRole().strip();
        return add(request.name(), request.email(), MemberAdded.ROLE_LIBRARY_MEMBER, library.id(), library.cohortId(),
                teamRole);
    }

    public MemberView addStaff(AddStaffRequest request) {
        return add(request.name(), request.email(), MemberAdded.ROLE_PROGRAM_STAFF, null, null, null);
    }

    /** The member and its MemberAdded event in one insert. */
    private MemberView add(String rawName, String rawEmail, String role, String libraryId, String cohortId,
            String teamRole) {
        String id = UUID.randomUUID().toString();
        Instant now = Times.now(clock);
        String name = rawName.strip();
        String email = rawEmail.strip();
        Document document = new Document("_id", id)
                .append("name", name)
                .append("email", email)
                .append("emailKey", Keys.of(email))
                .append("role", role)
                .append("libraryId", libraryId)
                .append("cohortId", cohortId)
                .append("teamRole", teamRole)
                .append("version", 1L)
                .append("createdAt", date(now))
                .append("updatedAt", date(now));
        MemberAdded event = new MemberAdded(id, email, name, role, libraryId, cohortId, teamRole);
        OutboxEvents.attach(document, List.of(outbox.entry(Events.MEMBER_ADDED, id, event)));
        try {
            mongo.insert(document, COLLECTION);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("email", "Someone on the roster has this email address already.");
        }
        log.info("added member id={} role={} libraryId={}", id, role, libraryId);
        return toView(document);
    }

    public MemberView get(String id) {
        return Optional.ofNullable(mongo.findOne(active(id), Document.class, COLLECTION)).map(MemberService::toView)
                .orElseThrow(() -> new NotFoundException("Member", id));
    }

    /** Takes the person off the roster with MemberRemoved, in one update that only matches them while present. */
    public void remove(String id) {
        MemberView member = get(id);
        Instant now = Times.now(clock);
        Update update = new Update()
                .set("removedAt", date(now))
                .set("emailKey", Keys.of(member.email()) + REMOVED_KEY + id)
                .set("updatedAt", date(now))
                .inc("version", 1L);
        OutboxEvents.push(update, List.of(outbox.entry(Events.MEMBER_REMOVED, id,
                new MemberRemoved(id, member.email(), member.libraryId(), member.cohortId(), now))));
        if (mongo.findAndModify(active(id), update, Document.class, COLLECTION) == null) {
            throw new NotFoundException("Member", id);
        }
        log.info("removed member id={} libraryId={}", id, member.libraryId());
    }

    private static Query active(String id) {
        return Query.query(Criteria.where("_id").is(id).and("removedAt").is(null));
    }

    /** The library's team by name; 404 when the library does not exist. */
    public List<MemberView> listInLibrary(String libraryId) {
        libraries.get(libraryId);
        return find(Query.query(Criteria.where("libraryId").is(libraryId)));
    }

    /** The library-team members of every library of the cohort. */
    public List<MemberView> listInCohort(String cohortId) {
        return find(Query.query(Criteria.where("cohortId").is(cohortId)
                .and("role").is(MemberAdded.ROLE_LIBRARY_MEMBER)));
    }

    public List<MemberView> listStaff() {
        return find(Query.query(Criteria.where("role").is(MemberAdded.ROLE_PROGRAM_STAFF)));
    }

    /** Exact, case-insensitive: at most one member, as a list so "none" needs no special status. */
    public List<MemberView> findByEmail(String email) {
        return find(Query.query(Criteria.where("emailKey").is(Keys.of(email))));
    }

    private List<MemberView> find(Query query) {
        query.addCriteria(Criteria.where("removedAt").is(null)).with(Sort.by("name", "_id"));
        return mongo.find(query, Document.class, COLLECTION).stream().map(MemberService::toView).toList();
    }

    private static MemberView toView(Document document) {
        return new MemberView(
                document.getString("_id"),
                document.getString("name"),
                document.getString("email"),
                document.getString("role"),
                document.getString("libraryId"),
                document.getString("cohortId"),
                document.getString("teamRole"),
                longValue(document, "version"),
                instant(document, "createdAt"),
                instant(document, "updatedAt"));
    }
}
