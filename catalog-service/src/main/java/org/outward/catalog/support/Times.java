package org.outward.catalog.support;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** "Now" as MongoDB stores it (milliseconds), so a view returned at once equals the one read back later. */
public final class Times {

    private Times() {
    }

    public static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
