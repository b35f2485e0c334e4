package org.outward.platform.roster;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.outward.contracts.DecodedEvent;
import org.outward.contracts.Events;
import org.outward.contracts.catalog.LibraryJoinedCohort;
import org.outward.contracts.catalog.LibraryLeftCohort;
import org.outward.contracts.catalog.MemberAdded;
import org.outward.contracts.catalog.MemberRemoved;
import org.outward.contracts.roster.RosterLibrary;
import org.outward.contracts.roster.RosterPerson;
import org.outward.contracts.roster.RosterView;
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

/**
 * A service's copy of the roster, kept from the roster topic in its own database: {@value #PEOPLE} and
 * {@value #LIBRARIES}, one document per member / library keyed by the catalog's id, with every field the roster
 * events carry. Each event is one single-document upsert that applies only when the event is not older than what
 * is stored ({@code asOf}), so redeliveries and replays are harmless and a stale event never overwrites a newer
 * one. Removals and departures are kept (tombstones), never deleted, so a late older event cannot bring a person
 * or a library back. People and libraries arrive in any order relative to each other.
 */
public class RosterMirror implements RosterView, InitializingBean {

    public static final String PEOPLE = "roster.people";
    public static final String LIBRARIES = "roster.libraries";

    private static final Logger log = LoggerFactory.getLogger(RosterMirror.class);

    private final MongoTemplate mongo;
    private final Clock clock;

    public RosterMirror(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @Override
    public void afterPropertiesSet() {
        // Every request looks the caller up by address; emails go out by role and library.
        mongo.indexOps(PEOPLE).createIndex(new Index().on("emailKey", Sort.Direction.ASC));
        mongo.indexOps(PEOPLE).createIndex(new Index().on("role", Sort.Direction.ASC));
        mongo.indexOps(PEOPLE).createIndex(new Index().on("libraryId", Sort.Direction.ASC));
    }

    /** Whether this is one of the roster's event types, which {@link #apply} stores. */
    public static boolean handles(DecodedEvent<?> event) {
        return event.is(Events.MEMBER_ADDED) || event.is(Events.MEMBER_REMOVED)
                || event.is(Events.LIBRARY_JOINED_COHORT) || event.is(Events.LIBRARY_LEFT_COHORT);
    }

    public void apply(DecodedEvent<?> event) {
        Instant at = event.envelope().occurredAt();
        if (event.is(Events.MEMBER_ADDED)) {
            memberAdded(event.payloadAs(Events.MEMBER_ADDED), at);
        } else if (event.is(Events.MEMBER_REMOVED)) {
            memberRemoved(event.payloadAs(Events.MEMBER_REMOVED), at);
        } else if (event.is(Events.LIBRARY_JOINED_COHORT)) {
            libraryJoined(event.payloadAs(Events.LIBRARY_JOINED_COHORT), at);
        } else if (event.is(Events.LIBRARY_LEFT_COHORT)) {
            libraryLeft(event.payloadAs(Events.LIBRARY_LEFT_COHORT), at);
        } else {
            throw new IllegalArgumentException(event.type().qualifiedName() + " is not a roster event");
        }
    }

    public void libraryJoined(LibraryJoinedCohort event, Instant asOf) {
        Update update = new Update()
                .set("cohortId", event.cohortId())
                .set("cohortName", event.cohortName())
                .set("name", event.name())
                .set("city", event.city())
                .set("state", event.state())
                .set("timeZone", event.timeZone())
                .set("contactEmail", event.contactEmail())
                .set("active", true);
        boolean applied = upsertUnlessStale(LIBRARIES, event.libraryId(), asOf, update);
        log.info("roster library {} library={} cohort={}", applied ? "stored" : "kept newer", event.libraryId(),
                event.cohortId());
    }

    public void libraryLeft(LibraryLeftCohort event, Instant asOf) {
        Update update = new Update().set("active", false).set("cohortId", event.cohortId()).set("name", event.name());
        boolean applied = upsertUnlessStale(LIBRARIES, event.libraryId(), asOf, update);
        log.info("roster library {} library={} left cohort={}", applied ? "stored" : "kept newer",
                event.libraryId(), event.cohortId());
    }

    /** {@code since}: when this service first heard of the person (digests never reach back before it). */
    public void memberAdded(MemberAdded event, Instant asOf) {
        Update update = new Update()
                .set("email", event.email())
                .set("emailKey", RosterPerson.emailKey(event.email()))
                .set("name", event.name())
                .set("role", event.role())
                .set("libraryId", event.libraryId())
                .set("cohortId", event.cohortId())
                .set("teamRole", event.teamRole())
                .set("removed", false)
                .setOnInsert("since", Date.from(clock.instant()));
        boolean applied = upsertUnlessStale(PEOPLE, event.memberId(), asOf, update);
        log.info("roster person {} member={} role={} library={}", applied ? "stored" : "kept newer",
                event.memberId(), event.role(), event.libraryId());
    }

    /** Also when the addition was never seen (a compacted topic keeps only the removal): the address is kept. */
    public void memberRemoved(MemberRemoved event, Instant asOf) {
        Update update = new Update()
                .set("removed", true)
                .set("email", event.email())
                .set("emailKey", RosterPerson.emailKey(event.email()))
                .setOnInsert("libraryId", event.libraryId())
                .setOnInsert("cohortId", event.cohortId())
                .setOnInsert("since", Date.from(clock.instant()));
        boolean applied = upsertUnlessStale(PEOPLE, event.memberId(), asOf, update);
        log.info("roster person {} member={} (removed)", applied ? "stored" : "kept newer", event.memberId());
    }

    @Override
    public List<RosterPerson> people(String email) {
        if (email == null || email.isBlank()) {
            return List.of();
        }
        Query query = Query.query(Criteria.where("emailKey").is(RosterPerson.emailKey(email)));
        query.fields().include("email", "name", "role", "libraryId", "cohortId", "removed");
        return mongo.find(query, Document.class, PEOPLE).stream().map(RosterMirror::person).toList();
    }

    @Override
    public Optional<RosterLibrary> library(String libraryId) {
        if (libraryId == null) {
            return Optional.empty();
        }
        Document doc = mongo.findById(libraryId, Document.class, LIBRARIES);
        return Optional.ofNullable(doc).map(d -> new RosterLibrary(d.getString("_id"), d.getString("cohortId"),
                d.getBoolean("active", false)));
    }

    private static RosterPerson person(Document doc) {
        return new RosterPerson(doc.getString("_id"), doc.getString("email"), doc.getString("name"),
                doc.getString("role"), doc.getString("libraryId"), doc.getString("cohortId"),
                doc.getBoolean("removed", false));
    }

    /**
     * Matches the document only when its {@code asOf} is not newer than the event's. When it is newer the upsert
     * tries to insert a second document with the same {@code _id}, which MongoDB refuses: that refusal is the
     * "stale, ignore" signal, in one round trip and without a read-then-write race.
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
}
