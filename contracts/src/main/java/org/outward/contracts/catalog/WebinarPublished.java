package org.outward.contracts.catalog;

import java.time.Instant;
import java.util.List;

/** A webinar became visible to the cohort. Subject: webinarId. */
public record WebinarPublished(
        String webinarId,
        String slug,
        String title,
        String summary,
        List<String> topics,
        int seriesPosition,
        int durationMinutes,
        List<LinkData> recordings,
        List<ResourceData> resources,
        long webinarVersion,
        Instant publishedAt) {
}
