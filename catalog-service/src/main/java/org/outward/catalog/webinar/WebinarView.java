package org.outward.catalog.webinar;

import java.time.Instant;
import java.util.List;

/** A webinar as the API shows it. {@code publishedAt} is null until it is published. */
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
        Instant publishedAt) {

    public record Link(String label, String url) {
    }

    public record Resource(String title, ResourceKind kind, String url) {
    }
}
