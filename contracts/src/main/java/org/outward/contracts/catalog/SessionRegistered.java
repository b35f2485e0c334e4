package org.outward.contracts.catalog;

import java.time.Instant;

/** A person registered for a session (they get its reminders and find it in their calendar feed). Subject: sessionId. */
public record SessionRegistered(
        String sessionId,
        String cohortId,
        String memberId,
        String libraryId,
        Instant registeredAt) {
}
