package org.outward.catalog.webinar;

import java.time.Instant;
import java.util.List;

/** A webinar as the API shows it. {@code publishedAt} is null until it is published, {@code archivedAt} until archived. */
public record WebinarView(
        String id,
        String slug,
        String title,
        String summary,
        List<String> topics,
        int seriesPosition,
        int durationMinutes,
        List<Link> recordings,
        List<Resource> resources,
        List<String> sampleFields,
        WebinarStatus status,
        long version,
        Instant createdAt,
        Instant updatedAt,
        Instant publishedAt,
        Instant archivedAt) {

    public record Link(String label, String url) {
    }

    /** @param key stable within the webinar: progress ("resource done") refers to it */
    public record Resource(String key, String title, ResourceKind kind, String url) {
    }
}
