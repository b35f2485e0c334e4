package org.outward.notification.recipient;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bson.Document;
import org.outward.contracts.catalog.MemberAdded;
import org.outward.contracts.roster.RosterPerson;
import org.outward.contracts.roster.RosterStanding;
import org.outward.platform.roster.RosterMirror;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The roster as this service's emails need it: queries over the platform's {@link RosterMirror} (kept from the
 * roster topic in this service's database), which also decides who may call this service at all.
 */
@Component
public class RosterReadModel {

    private final MongoTemplate mongo;

    public RosterReadModel(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Every person still on the roster (staff included), with their library known or not. */
    public List<Recipient> activeRecipients() {
        return mongo.find(Query.query(Criteria.where("removed").ne(true)).with(Sort.by("_id")), Document.class,
                RosterMirror.PEOPLE).stream().map(Recipient::fromDocument).toList();
    }

    public Optional<Recipient> recipient(String memberId) {
        return Optional.ofNullable(mongo.findById(memberId, Document.class, RosterMirror.PEOPLE)).map(Recipient::fromDocument);
    }

    /** The recipient with this address (any case), not removed. */
    public Optional<Recipient> byEmail(String email) {
        if (email == null || email.isBlank()) {
            return Optional.empty();
        }
        return mongo.find(Query.query(Criteria.where("emailKey").is(RosterPerson.emailKey(email)).and("removed").ne(true))
                        .with(Sort.by("_id")), Document.class, RosterMirror.PEOPLE).stream()
                .map(Recipient::fromDocument).findFirst();
    }

    /**
     * The person with this member id or address (any case), whether or not still on the roster: someone on it
     * first, then the latest removed entry. For staff look-ups that must tell "unknown" from "no longer here".
     */
    public Optional<Recipient> anyStanding(String idOrEmail) {
        if (idOrEmail == null || idOrEmail.isBlank()) {
            return Optional.empty();
        }
        return recipient(idOrEmail).or(() -> byEmail(idOrEmail)).or(() -> mongo.find(
                        Query.query(Criteria.where("emailKey").is(RosterPerson.emailKey(idOrEmail)))
                                .with(Sort.by(Sort.Direction.DESC, "asOf")).limit(1), Document.class,
                        RosterMirror.PEOPLE).stream()
                .map(Recipient::fromDocument).findFirst());
    }

    /** Every library, with its cohort's current name (a renamed cohort's CohortUpdated wins over the name a
     * library event carried). */
    public Map<String, Library> libraries() {
        Map<String, String> cohortNames = new java.util.HashMap<>();
        mongo.findAll(Document.class, RosterMirror.COHORTS).forEach(c -> cohortNames.put(c.getString("_id"),
                c.getString("name")));
        return mongo.findAll(Document.class, RosterMirror.LIBRARIES).stream().map(Library::fromDocument)
                .map(library -> library.inCohortNamed(cohortNames.get(library.cohortId())))
                .collect(Collectors.toMap(Library::libraryId, Function.identity()));
    }

    /**
     * Whether the person may receive email at all: by the same rule that lets them call the services
     * ({@link RosterStanding}): on the roster, and a library member only while their library is in its cohort
     * (and known here). A removed person, or a member of a library that left, gets nothing more.
     */
    public static boolean reachable(Recipient recipient, Optional<Library> library) {
        if (recipient.email() == null || recipient.email().isBlank()) {
            return false;
        }
        return RosterStanding.of(recipient.toRosterPerson(), library.map(Library::toRosterLibrary)).isActive();
    }

    /**
     * Of these member ids, those this service knows and who may no longer receive email; people it does not know
     * are not in the answer (nothing to go on).
     */
    public Set<String> noLongerReachable(Collection<String> memberIds) {
        List<Recipient> known = mongo.find(Query.query(Criteria.where("_id").in(new HashSet<>(memberIds))),
                Document.class, RosterMirror.PEOPLE).stream().map(Recipient::fromDocument).toList();
        Set<String> libraryIds = known.stream().map(Recipient::libraryId).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        Map<String, Library> libraries = libraryIds.isEmpty() ? Map.of()
                : mongo.find(Query.query(Criteria.where("_id").in(libraryIds)), Document.class, RosterMirror.LIBRARIES)
                        .stream().map(Library::fromDocument)
                        .collect(Collectors.toMap(Library::libraryId, Function.identity()));
        return known.stream()
                .filter(r -> !reachable(r, Optional.ofNullable(r.libraryId() == null ? null : libraries.get(r.libraryId()))))
                .map(Recipient::memberId).collect(Collectors.toSet());
    }

    /** Every library-team member: the audience of cohort-wide notices. Program staff are not in it. */
    public List<Recipient> libraryMembers() {
        Query query = Query.query(Criteria.where("role").is(MemberAdded.ROLE_LIBRARY_MEMBER).and("removed").ne(true))
                .with(Sort.by("_id"));
        return mongo.find(query, Document.class, RosterMirror.PEOPLE).stream().map(Recipient::fromDocument).toList();
    }

    /** The people of one library still on the roster. */
    public List<Recipient> membersOf(String libraryId) {
        Query query = Query.query(Criteria.where("libraryId").is(libraryId).and("removed").ne(true))
                .with(Sort.by("_id"));
        return mongo.find(query, Document.class, RosterMirror.PEOPLE).stream().map(Recipient::fromDocument).toList();
    }

    public List<Recipient> recipients() {
        return mongo.find(new Query().with(Sort.by("name", "_id")), Document.class, RosterMirror.PEOPLE).stream()
                .map(Recipient::fromDocument).toList();
    }

    public Optional<Library> library(String libraryId) {
        if (libraryId == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(mongo.findById(libraryId, Document.class, RosterMirror.LIBRARIES))
                .map(Library::fromDocument)
                .map(library -> library.inCohortNamed(library.cohortId() == null ? null : Optional.ofNullable(
                        mongo.findById(library.cohortId(), Document.class, RosterMirror.COHORTS))
                        .map(c -> c.getString("name")).orElse(null)));
    }

    static Instant instant(Document doc, String field) {
        Date date = doc.getDate(field);
        return date == null ? null : date.toInstant();
    }
}
