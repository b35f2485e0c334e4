package org.outward.notification.recipient;

import java.time.Instant;
import org.bson.Document;
import org.outward.contracts.catalog.MemberAdded;

/**
 * A person who may be emailed, as last announced by the catalog. {@code asOf} is when the event
 * that produced this state happened.
 */
public record Recipient(
        String memberId,
        String email,
        String name,
        String role,
        String libraryId,
        String cohortId,
        String teamRole,
        Instant asOf) {

    public boolean isLibraryMember() {
        return MemberAdded.ROLE_LIBRARY_MEMBER.equals(role);
    }

    static Recipient fromDocument(Document doc) {
        return new Recipient(doc.getString("_id"), doc.getString("email"), doc.getString("name"),
                doc.getString("role"), doc.getString("libraryId"), doc.getString("cohortId"),
                doc.getString("teamRole"), RosterReadModel.instant(doc, "asOf"));
    }
}
