package org.outward.contracts.catalog;

import java.time.Instant;

/** A webinar was withdrawn from the series. Subject: webinarId. */
public record WebinarArchived(String webinarId, String slug, String title, long webinarVersion, Instant archivedAt) {
}
