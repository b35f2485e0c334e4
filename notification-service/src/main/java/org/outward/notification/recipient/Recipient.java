package org.outward.notification.recipient;

import java.time.Instant;
import org.bson.Document;
import org.outward.contracts.catalog.MemberAdded;
import org.outward.contracts.roster.RosterPerson;

/**
 * A person who may be emailed, as last announced by the catalog. {@code asOf} is when the event
 * that produced this state happened; {@code since} is when this service first heard of the person
 * (digests never reach back before it); {@code removed} is set by MemberRemoved.
 */
public record Recipient(
        String memberId,
        String email,
        String name,
        String role,
        String libraryId,
        String cohortId,
        String teamRole,
        Instant asOf,
        Instant since,
        boolean removed) {

    public Recipient(String memberId, String email, String name, String role, String libraryId, String cohortId,
            String teamRole, Instant asOf) {
        this(memberId, email, name, role, libraryId, cohortId, teamRole, asOf, asOf, false);
    }

    public boolean isLibraryMember() {
        return MemberAdded.ROLE_LIBRARY_MEMBER.equals(role);
    }

    public boolean isStaff() {
        return MemberAdded.ROLE_PROGRAM_STAFF.equals(role);
    }

    public RosterPerson toRosterPerson() {
        return new RosterPerson(memberId, email, name, role, libraryId, cohortId, removed);
    }

    static Recipient fromDocument(Document doc) {
        Instant asOf = RosterReadModel.instant(doc, "asOf");
        Instant since = RosterReadModel.instant(doc, "since");
        return new Recipient(doc.getString("_id"), doc.getString("email"), doc.getString("name"),
                doc.getString("role"), doc.getString("libraryId"), doc.getString("cohortId"),
                doc.getString("teamRole"), asOf, since == null ? asOf : since, doc.getBoolean("removed", false));
    }
}
