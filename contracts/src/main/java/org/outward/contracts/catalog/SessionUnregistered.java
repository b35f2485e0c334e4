package org.outward.contracts.catalog;

import java.time.Instant;

/** A person took back their registration for a session. Subject: sessionId. */
public record SessionUnregistered(
        String sessionId,
        String cohortId,
        String memberId,
        String libraryId,
        Instant unregisteredAt) {
}
