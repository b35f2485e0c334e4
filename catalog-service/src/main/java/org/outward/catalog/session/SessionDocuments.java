package org.outward.catalog.session;

import static org.outward.catalog.support.Documents.instant;
import static org.outward.catalog.support.Documents.intValue;
import static org.outward.catalog.support.Documents.longValue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.bson.Document;

/**
 * How a session is stored in {@value #COLLECTION}: one document holds the session, its registrations and its
 * attendance, so a registration (or an attendance mark) and its event are one single-document write, and the seat
 * count is guarded by the same write that takes the seat.
 */
final class SessionDocuments {

    static final String COLLECTION = "sessions";

    static final String ID = "_id";
    static final String WEBINAR_ID = "webinarId";
    static final String WEBINAR_TITLE = "webinarTitle";
    static final String COHORT_ID = "cohortId";
    static final String STARTS_AT = "startsAt";
    static final String DURATION_MINUTES = "durationMinutes";
    static final String TIME_ZONE = "timeZone";
    static final String JOIN_URL = "joinUrl";
    static final String CAPACITY = "capacity";
    static final String STATE = "state";
    static final String CANCEL_REASON = "cancelReason";
    static final String SEQUENCE = "sequence";
    static final String VERSION = "version";
    static final String CREATED_AT = "createdAt";
    static final String UPDATED_AT = "updatedAt";
    /** [{memberId, libraryId, at}] */
    static final String REGISTRATIONS = "registrations";
    static final String REGISTERED_COUNT = "registeredCount";
    /** capacity minus registeredCount; absent without a capacity. The registration write requires it above 0. */
    static final String SEATS_LEFT = "seatsLeft";
    /** [{memberId, libraryId, at, by}] */
    static final String ATTENDANCE = "attendance";
    static final String ATTENDED_COUNT = "attendedCount";

    private SessionDocuments() {
    }

    /** A person's entry in the registrations or attendance array. */
    record Entry(String memberId, String libraryId, Instant at) {
    }

    static SessionView toView(Document document) {
        Instant startsAt = instant(document, STARTS_AT);
        int duration = intValue(document, DURATION_MINUTES);
        String zone = document.getString(TIME_ZONE);
        Object capacity = document.get(CAPACITY);
        Object seatsLeft = document.get(SEATS_LEFT);
        return new SessionView(
                document.getString(ID),
                document.getString(WEBINAR_ID),
                document.getString(WEBINAR_TITLE),
                document.getString(COHORT_ID),
                startsAt,
                startsAt.plusSeconds(duration * 60L),
                startsAt.atZone(ZoneId.of(zone)).toOffsetDateTime(),
                duration,
                zone,
                document.getString(JOIN_URL),
                capacity instanceof Number n ? n.intValue() : null,
                intValue(document, REGISTERED_COUNT),
                capacity instanceof Number && seatsLeft instanceof Number n ? n.intValue() : null,
                intValue(document, ATTENDED_COUNT),
                SessionState.fromWireName(document.getString(STATE)),
                document.getString(CANCEL_REASON),
                intValue(document, SEQUENCE),
                longValue(document, VERSION),
                instant(document, CREATED_AT),
                instant(document, UPDATED_AT));
    }

    static List<Entry> entries(Document document, String field) {
        return document.getList(field, Document.class, List.of()).stream()
                .map(entry -> new Entry(entry.getString("memberId"), entry.getString("libraryId"),
                        instant(entry, "at")))
                .toList();
    }
}
