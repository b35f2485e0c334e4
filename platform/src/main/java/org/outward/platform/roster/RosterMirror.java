package org.outward.platform.roster;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.outward.contracts.DecodedEvent;
import org.outward.contracts.Events;
import org.outward.contracts.catalog.CohortCreated;
import org.outward.contracts.catalog.CohortUpdated;
import org.outward.contracts.catalog.LibraryJoinedCohort;
import org.outward.contracts.catalog.LibraryLeftCohort;
import org.outward.contracts.catalog.LibraryUpdated;
import org.outward.contracts.catalog.MemberAdded;
import org.outward.contracts.catalog.MemberRemoved;
import org.outward.contracts.catalog.MemberUpdated;
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
 * or a library back. People and libraries arrive in any order relative to each other. An update
 * ({@code MemberUpdated}, {@code LibraryUpdated}) carries the whole state like the addition and is stored the same
 * way. Cohorts ({@value #COHORTS}: name, slug, dates) are kept by their version, for the cohort's current name.
 */
public class RosterMirror implements RosterView, InitializingBean {

    public static final String PEOPLE = "roster.people";
    public static final String LIBRARIES = "roster.libraries";
    public static final String COHORTS = "roster.cohorts";

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
        return event.is(Events.MEMBER_ADDED) || event.is(Events.MEMBER_UPDATED) || event.is(Events.MEMBER_REMOVED)
                || event.is(Events.LIBRARY_JOINED_COHORT) || event.is(Events.LIBRARY_UPDATED)
                || event.is(Events.LIBRARY_LEFT_COHORT) || event.is(Events.COHORT_CREATED)
                || event.is(Events.COHORT_UPDATED);
    }

    /** @return whether the event changed the mirror (false when what it holds is newer) */
    public boolean apply(DecodedEvent<?> event) {
        Instant at = event.envelope().occurredAt();
        if (event.is(Events.MEMBER_ADDED)) {
            return memberAdded(event.payloadAs(Events.MEMBER_ADDED), at);
        } else if (event.is(Events.MEMBER_UPDATED)) {
            return memberUpdated(event.payloadAs(Events.MEMBER_UPDATED), at);
        } else if (event.is(Events.MEMBER_REMOVED)) {
            return memberRemoved(event.payloadAs(Events.MEMBER_REMOVED), at);
        } else if (event.is(Events.LIBRARY_JOINED_COHORT)) {
            return libraryJoined(event.payloadAs(Events.LIBRARY_JOINED_COHORT), at);
        } else if (event.is(Events.LIBRARY_UPDATED)) {
            return libraryUpdated(event.payloadAs(Events.LIBRARY_UPDATED), at);
        } else if (event.is(Events.LIBRARY_LEFT_COHORT)) {
            return libraryLeft(event.payloadAs(Events.LIBRARY_LEFT_COHORT), at);
        } else if (event.is(Events.COHORT_CREATED)) {
            CohortCreated cohort = event.payloadAs(Events.COHORT_CREATED);
            return cohort(cohort.cohortId(), cohort.name(), cohort.slug(), cohort.startsOn(), cohort.endsOn(),
                    cohort.version());
        } else if (event.is(Events.COHORT_UPDATED)) {
            CohortUpdated cohort = event.payloadAs(Events.COHORT_UPDATED);
            return cohort(cohort.cohortId(), cohort.name(), cohort.slug(), cohort.startsOn(), cohort.endsOn(),
                    cohort.version());
        }
        throw new IllegalArgumentException(event.type().qualifiedName() + " is not a roster event");
    }

    public boolean libraryJoined(LibraryJoinedCohort event, Instant asOf) {
        return library(event.libraryId(), event.cohortId(), event.cohortName(), event.name(), event.city(),
                event.state(), event.timeZone(), event.contactEmail(), asOf);
    }

    /** The whole state, like joining: the library is in its cohort (one that left cannot be changed). */
    public boolean libraryUpdated(LibraryUpdated event, Instant asOf) {
        return library(event.libraryId(), event.cohortId(), event.cohortName(), event.name(), event.city(),
                event.state(), event.timeZone(), event.contactEmail(), asOf);
    }

    private boolean library(String libraryId, String cohortId, String cohortName, String name, String city,
            String state, String timeZone, String contactEmail, Instant asOf) {
        Update update = new Update()
                .set("cohortId", cohortId)
                .set("cohortName", cohortName)
                .set("name", name)
                .set("city", city)
                .set("state", state)
                .set("timeZone", timeZone)
                .set("contactEmail", contactEmail)
                .set("active", true);
        boolean applied = upsertUnlessStale(LIBRARIES, libraryId, asOf, update);
        log.info("roster library {} library={} cohort={} timeZone={}", applied ? "stored" : "kept newer", libraryId,
                cohortId, timeZone);
        return applied;
    }

    public boolean libraryLeft(LibraryLeftCohort event, Instant asOf) {
        Update update = new Update().set("active", false).set("cohortId", event.cohortId()).set("name", event.name());
        boolean applied = upsertUnlessStale(LIBRARIES, event.libraryId(), asOf, update);
        log.info("roster library {} library={} left cohort={}", applied ? "stored" : "kept newer",
                event.libraryId(), event.cohortId());
        return applied;
    }

    /** {@code since}: when this service first heard of the person (digests never reach back before it). */
    public boolean memberAdded(MemberAdded event, Instant asOf) {
        return person(event.memberId(), event.email(), event.name(), event.role(), event.libraryId(),
                event.cohortId(), event.teamRole(), asOf);
    }

    /** The whole state, like the addition: the same member id, now with these values (a new address, library ...). */
    public boolean memberUpdated(MemberUpdated event, Instant asOf) {
        return person(event.memberId(), event.email(), event.name(), event.role(), event.libraryId(),
                event.cohortId(), event.teamRole(), asOf);
    }

    private boolean person(String memberId, String email, String name, String role, String libraryId,
            String cohortId, String teamRole, Instant asOf) {
        Update update = new Update()
                .set("email", email)
                .set("emailKey", RosterPerson.emailKey(email))
                .set("name", name)
                .set("role", role)
                .set("libraryId", libraryId)
                .set("cohortId", cohortId)
                .set("teamRole", teamRole)
                .set("removed", false)
                .setOnInsert("since", Date.from(clock.instant()));
        boolean applied = upsertUnlessStale(PEOPLE, memberId, asOf, update);
        log.info("roster person {} member={} role={} library={}", applied ? "stored" : "kept newer", memberId, role,
                libraryId);
        return applied;
    }

    /** A cohort's name, slug and dates, kept by its version (a higher one wins whatever the order of arrival). */
    private boolean cohort(String cohortId, String name, String slug, LocalDate startsOn, LocalDate endsOn, long version) {
        Query notNewer = Query.query(Criteria.where("_id").is(cohortId).and("version").lte(version));
        Update update = new Update().set("name", name).set("slug", slug).set("startsOn", startsOn.toString())
                .set("endsOn", endsOn.toString()).set("version", version);
        boolean applied;
        try {
            mongo.upsert(notNewer, update, COHORTS);
            applied = true;
        } catch (DuplicateKeyException e) {
            applied = false;
        }
        log.info("roster cohort {} cohort={} version={}", applied ? "stored" : "kept newer", cohortId, version);
        return applied;
    }

    /** The cohort's current name, when a cohort event about it was seen. */
    public Optional<String> cohortName(String cohortId) {
        if (cohortId == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(mongo.findById(cohortId, Document.class, COHORTS)).map(d -> d.getString("name"));
    }

    /** Also when the addition was never seen (a compacted topic keeps only the removal): the address is kept. */
    public boolean memberRemoved(MemberRemoved event, Instant asOf) {
        Update update = new Update()
                .set("removed", true)
                .set("email", event.email())
                .set("emailKey", RosterPerson.emailKey(event.email()))
                .setOnInsert("libraryId", event.libraryId())
                .setOnInsert("cohortId", event.cohortId())
                .setOnInsert("since", Date.from(clock.instant()));
        boolean applied = upsertUnlessStale(PEOPLE, event.memberId(), asOf, update);
        log.info("roster person {} member={} (removed)", applied ? "stored" : "kept newer", event.memberId());
        return applied;
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
