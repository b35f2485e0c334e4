package org.outward.notification.recipient;

import java.time.Instant;
import org.bson.Document;

/** A library on a cohort's roster, as last announced by the catalog. */
public record Library(
        String libraryId,
        String cohortId,
        String cohortName,
        String name,
        String city,
        String state,
        String timeZone,
        Instant asOf) {

    static Library fromDocument(Document doc) {
        return new Library(doc.getString("_id"), doc.getString("cohortId"), doc.getString("cohortName"),
                doc.getString("name"), doc.getString("city"), doc.getString("state"), doc.getString("timeZone"),
                RosterReadModel.instant(doc, "asOf"));
    }
}
