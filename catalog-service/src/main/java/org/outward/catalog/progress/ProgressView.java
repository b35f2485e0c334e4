package org.outward.catalog.progress;

import java.time.Instant;
import java.util.List;

/** What one library has done of one webinar. */
public record ProgressView(
        String libraryId,
        String webinarId,
        boolean watched,
        List<String> resourcesDone,
        long version,
        Instant updatedAt) {
}
