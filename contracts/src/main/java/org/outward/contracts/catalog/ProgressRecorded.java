package org.outward.contracts.catalog;

import java.time.Instant;

/**
 * A library marked a webinar watched, or one of its resources done (or took the mark back). Subject: libraryId.
 *
 * @param kind        {@code webinar-watched} or {@code resource-done}
 * @param resourceKey for {@code resource-done}: which resource of the webinar (its key in the catalog), else null
 * @param done        true when marked, false when the mark was taken back
 * @param recordedBy  subject (user id) of the member who recorded it
 */
public record ProgressRecorded(
        String libraryId,
        String cohortId,
        String webinarId,
        String kind,
        String resourceKey,
        boolean done,
        String recordedBy,
        Instant recordedAt) {

    public static final String KIND_WEBINAR_WATCHED = "webinar-watched";
    public static final String KIND_RESOURCE_DONE = "resource-done";
}
