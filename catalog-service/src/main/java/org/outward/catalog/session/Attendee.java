package org.outward.catalog.session;

import java.time.Instant;

/** A person marked as having attended a session. */
public record Attendee(String memberId, String name, String email, String libraryId, Instant recordedAt) {
}
