package org.outward.contracts.catalog;

import java.time.Instant;

/** A person left the roster. Subject: memberId. */
public record MemberRemoved(String memberId, String email, String libraryId, String cohortId, Instant removedAt) {
}
