package org.outward.contracts.catalog;

import java.time.Instant;
import java.util.List;

/** A webinar's content or position changed (draft or published). Subject: webinarId. */
public record WebinarUpdated(
        String webinarId,
        String slug,
        String title,
        String summary,
        List<String> topics,
        int seriesPosition,
        int durationMinutes,
        List<LinkData> recordings,
        List<ResourceData> resources,
        String status,
        long webinarVersion,
        Instant updatedAt) {
}
