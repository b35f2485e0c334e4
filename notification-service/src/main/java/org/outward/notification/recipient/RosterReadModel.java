package org.outward.notification.recipient;

import jakarta.annotation.PostConstruct;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bson.Document;
import org.outward.contracts.catalog.LibraryJoinedCohort;
import org.outward.contracts.catalog.LibraryLeftCohort;
import org.outward.contracts.catalog.MemberAdded;
import org.outward.contracts.catalog.MemberRemoved;
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
 * The roster as this service needs it: {@value #LIBRARIES} and {@value #RECIPIENTS}, one document per
 * library / member keyed by the catalog's id. Each write is an upsert that applies only when the
 * event is not older than what is stored ({@code asOf}), so redeliveries and replays (from a DLT, say)
 * are harmless and a stale event never overwrites a newer one. Libraries and members arrive in any
 * order relative to each other; nothing here depends on that order.
 */
@Component
public class RosterReadModel {

    public static final String LIBRARIES = "libraries";
    public static final String RECIPIENTS = "recipients";

    private static final Logger log = LoggerFactory.getLogger(RosterReadModel.class);

    private final MongoTemplate mongo;
    private final Clock clock;

    public RosterReadModel(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @PostConstruct
    void createIndexes() {
        // Who gets a cohort-wide notice is looked up by role.
        mongo.indexOps(RECIPIENTS).createIndex(new Index().on("role", Sort.Direction.ASC));
        mongo.indexOps(RECIPIENTS).createIndex(new Index().on("libraryId", Sort.Direction.ASC));
        // GET /preferences/me finds the caller by the email claim of the token, case-insensitively.
        mongo.indexOps(RECIPIENTS).createIndex(new Index().on("emailKey", Sort.Direction.ASC));
    }

    public void libraryJoined(LibraryJoinedCohort event, Instant asOf) {
        Update update = new Update()
                .set("cohortId", event.cohortId())
                .set("cohortName", event.cohortName())
                .set("name", event.name())
                .set("city", event.city())
                .set("state", event.state())
                .set("timeZone", event.timeZone())
                .set("active", true);
        boolean applied = upsertUnlessStale(LIBRARIES, event.libraryId(), asOf, update);
        log.info("library {} library={} cohort={}", applied ? "stored" : "kept newer", event.libraryId(),
                event.cohortId());
    }

    public void memberAdded(MemberAdded event, Instant asOf) {
        Update update = new Update()
                .set("email", event.email())
                .set("name", event.name())
                .set("role", event.role())
                .set("libraryId", event.libraryId())
                .set("cohortId", event.cohortId())
                .set("teamRole", event.teamRole())
                .set("emailKey", emailKey(event.email()))
                .set("removed", false)
                .setOnInsert("since", Date.from(clock.instant()));
        boolean applied = upsertUnlessStale(RECIPIENTS, event.memberId(), asOf, update);
        log.info("recipient {} member={} role={} library={}", applied ? "stored" : "kept newer", event.memberId(),
                event.role(), event.libraryId());
    }

    /** Kept (marked removed) rather than deleted, so a late older MemberAdded cannot bring the person back. */
    public void memberRemoved(MemberRemoved event, Instant asOf) {
        Update update = new Update().set("removed", true).set("email", event.email())
                .set("emailKey", emailKey(event.email()))
                .setOnInsert("since", Date.from(clock.instant()));
        boolean applied = upsertUnlessStale(RECIPIENTS, event.memberId(), asOf, update);
        log.info("recipient {} member={} (removed)", applied ? "stored" : "kept newer", event.memberId());
    }

    public void libraryLeft(LibraryLeftCohort event, Instant asOf) {
        Update update = new Update().set("active", false).set("cohortId", event.cohortId()).set("name", event.name());
        boolean applied = upsertUnlessStale(LIBRARIES, event.libraryId(), asOf, update);
        log.info("library {} library={} left cohort={}", applied ? "stored" : "kept newer", event.libraryId(),
                event.cohortId());
    }

    /** Every person still on the roster (staff included), with their library known or not. */
    public List<Recipient> activeRecipients() {
        return mongo.find(Query.query(Criteria.where("removed").ne(true)).with(Sort.by("_id")), Document.class,
                RECIPIENTS).stream().map(Recipient::fromDocument).toList();
    }

    public Optional<Recipient> recipient(String memberId) {
        return Optional.ofNullable(mongo.findById(memberId, Document.class, RECIPIENTS)).map(Recipient::fromDocument);
    }

    /** The recipient with this address (any case), not removed. */
    public Optional<Recipient> byEmail(String email) {
        if (email == null || email.isBlank()) {
            return Optional.empty();
        }
        return mongo.find(Query.query(Criteria.where("emailKey").is(emailKey(email)).and("removed").ne(true))
                        .with(Sort.by("_id")), Document.class, RECIPIENTS).stream()
                .map(Recipient::fromDocument).findFirst();
    }

    public Map<String, Library> libraries() {
        return mongo.findAll(Document.class, LIBRARIES).stream().map(Library::fromDocument)
                .collect(Collectors.toMap(Library::libraryId, Function.identity()));
    }

    /**
     * Whether the person may receive cohort email at all: on the roster, and a library member only while
     * their library is in a cohort. Staff always.
     */
    public static boolean reachable(Recipient recipient, Optional<Library> library) {
        if (recipient.removed() || recipient.email() == null || recipient.email().isBlank()) {
            return false;
        }
        if (recipient.isLibraryMember()) {
            return library.map(Library::active).orElse(true);
        }
        return recipient.isStaff();
    }

    static String emailKey(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    /** Every library-team member: the audience of cohort-wide notices. Program staff are not in it. */
    public List<Recipient> libraryMembers() {
        Query query = Query.query(Criteria.where("role").is(MemberAdded.ROLE_LIBRARY_MEMBER).and("removed").ne(true))
                .with(Sort.by("_id"));
        return mongo.find(query, Document.class, RECIPIENTS).stream().map(Recipient::fromDocument).toList();
    }

    public List<Recipient> recipients() {
        return mongo.find(new Query().with(Sort.by("name", "_id")), Document.class, RECIPIENTS).stream()
                .map(Recipient::fromDocument).toList();
    }

    public Optional<Library> library(String libraryId) {
        if (libraryId == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(mongo.findById(libraryId, Document.class, LIBRARIES)).map(Library::fromDocument);
    }

    /**
     * Matches the document only when its {@code asOf} is not newer than the event's. When it is newer
     * the upsert tries to insert a second document with the same {@code _id}, which MongoDB refuses:
     * that refusal is the "stale, ignore" signal, in one round trip and without a read-then-write race.
     */
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

    static Instant instant(Document doc, String field) {
        Date date = doc.getDate(field);
        return date == null ? null : date.toInstant();
    }
}
