package org.outward.contracts.catalog;

import java.time.Instant;

/**
 * A library marked a webinar watched or one of its resources done, a person marked the recording watched for
 * themselves, or staff recorded that a person attended a live session; or such a mark was taken back.
 * Subject: libraryId.
 *
 * @param kind        {@code webinar-watched} (the library's mark), {@code resource-done} (the library's mark),
 *                    {@code recording-watched} (one person) or {@code session-attended} (one person)
 * @param resourceKey for {@code resource-done}: which resource of the webinar (its key in the catalog), else null
 * @param done        true when marked, false when the mark was taken back
 * @param recordedBy  subject (user id) of whoever recorded it
 * @param memberId    for the per-person kinds: whose mark it is; null for a library's marks (added later: older
 *                    events have none, and all of those are library marks)
 * @param sessionId   for {@code session-attended}: which session; else null
 */
public record ProgressRecorded(
        String libraryId,
        String cohortId,
        String webinarId,
        String kind,
        String resourceKey,
        boolean done,
        String recordedBy,
        Instant recordedAt,
        String memberId,
        String sessionId) {

    public static final String KIND_WEBINAR_WATCHED = "webinar-watched";
    public static final String KIND_RESOURCE_DONE = "resource-done";
    public static final String KIND_RECORDING_WATCHED = "recording-watched";
    public static final String KIND_SESSION_ATTENDED = "session-attended";

    /** A library's own mark (no person, no session). */
    public ProgressRecorded(String libraryId, String cohortId, String webinarId, String kind, String resourceKey,
            boolean done, String recordedBy, Instant recordedAt) {
        this(libraryId, cohortId, webinarId, kind, resourceKey, done, recordedBy, recordedAt, null, null);
    }
}
