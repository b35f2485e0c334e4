package org.outward.catalog.roster;

import static org.outward.catalog.support.Documents.date;
import static org.outward.catalog.support.Documents.instant;
import static org.outward.catalog.support.Documents.longValue;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.outward.catalog.support.Keys;
import org.outward.catalog.support.Times;
import org.outward.contracts.Events;
import org.outward.contracts.catalog.MemberAdded;
import org.outward.contracts.catalog.MemberRemoved;
import org.outward.contracts.catalog.MemberUpdated;
import org.outward.platform.concurrency.ETags;
import org.outward.platform.concurrency.VersionedWrites;
import org.outward.platform.errors.BadRequestException;
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
 * Everyone on the roster, library team members and program staff alike, stored in
 * {@value #COLLECTION}. An email address belongs to one person only, whatever its case: the unique
 * index is on emailKey (the lower-cased address), since people sign in and get mail by it. A removed
 * person keeps their document (it carries the MemberRemoved event in its outbox) marked with
 * {@code removedAt}; from then on they are not found, and their address is free again. A change (name, address,
 * team role, another library of their cohort) keeps the member id, so everything kept by it (registrations,
 * attendance, personal progress, notification preferences) stays theirs; MemberUpdated carries the whole state.
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

    /**
     * Replaces the person's name, address, team role and library with MemberUpdated, in one write that matches the
     * version read. A library member may move to another library of their cohort; staff have no library and no
     * team role. Nothing changed: nothing written, nothing emitted. An address someone else has is 409.
     *
     * @param expectedVersion from If-Match; null for "*"
     */
    public MemberView update(String id, UpdateMemberRequest request, Long expectedVersion) {
        return VersionedWrites.retry("Member " + id, () -> {
            MemberView current = get(id);
            ETags.check(expectedVersion, current.version());
            String name = request.name().strip();
            String email = request.email().strip();
            String teamRole = request.teamRole() == null || request.teamRole().isBlank() ? null
                    : request.teamRole().strip();
            String libraryId = libraryOf(current, request.libraryId(), teamRole);
            if (name.equals(current.name()) && email.equals(current.email())
                    && Objects.equals(teamRole, current.teamRole()) && Objects.equals(libraryId, current.libraryId())) {
                return Optional.of(current);
            }
            Instant now = Times.now(clock);
            Update update = new Update()
                    .set("name", name)
                    .set("email", email)
                    .set("emailKey", Keys.of(email))
                    .set("teamRole", teamRole)
                    .set("libraryId", libraryId)
                    .set("updatedAt", date(now))
                    .inc("version", 1L);
            String previousLibraryId = Objects.equals(libraryId, current.libraryId()) ? null : current.libraryId();
            OutboxEvents.push(update, List.of(outbox.entry(Events.MEMBER_UPDATED, id, new MemberUpdated(id, email,
                    name, current.role(), libraryId, current.cohortId(), teamRole, previousLibraryId))));
            Document written;
            try {
                written = mongo.findAndModify(Query.query(Criteria.where("_id").is(id).and("removedAt").is(null)
                        .and("version").is(current.version())), update, FindAndModifyOptions.options().returnNew(true),
                        Document.class, COLLECTION);
            } catch (DuplicateKeyException e) {
                throw new ConflictException("email", "Someone on the roster has this email address already.");
            }
            if (written == null) {
                return Optional.<MemberView>empty();
            }
            log.info("updated member id={} version={} libraryId={} movedFrom={}", id, written.get("version"),
                    libraryId, previousLibraryId);
            return Optional.of(toView(written));
        });
    }

    /** The library the person is to belong to: staff none, a library member one of their own cohort's. */
    private String libraryOf(MemberView member, String requested, String teamRole) {
        String libraryId = requested == null || requested.isBlank() ? null : requested.strip();
        if (MemberAdded.ROLE_PROGRAM_STAFF.equals(member.role())) {
            if (libraryId != null) {
                throw new BadRequestException("libraryId", "program staff belong to no library");
            }
            if (teamRole != null) {
                throw new BadRequestException("teamRole", "program staff have no team role");
            }
            return null;
        }
        if (libraryId == null) {
            throw new BadRequestException("libraryId", "is required for a library-team member");
        }
        if (!libraryId.equals(member.libraryId()) && libraries.find(libraryId)
                .filter(library -> library.cohortId().equals(member.cohortId())).isEmpty()) {
            throw new BadRequestException("libraryId", "must be a library of the member's cohort");
        }
        return libraryId;
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
