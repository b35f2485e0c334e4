package org.outward.catalog.session;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.outward.platform.errors.BadRequestException;

/** Turning a planned wall-clock time into an instant, and the rules a start must follow. */
final class SessionTimes {

    static final String ENDS_BEFORE_START = "must be more than 0: a session cannot end before it starts";

    private SessionTimes() {
    }

    /**
     * The instant of {@code start} in {@code zone}. A time the clocks skip (02:30 on the night summer time begins)
     * does not exist there and is refused rather than silently moved; a time that happens twice (when summer time
     * ends) is the first of the two.
     */
    static Instant startsAt(LocalDateTime start, String zone, Instant now) {
        ZoneId zoneId = ZoneId.of(zone);
        if (zoneId.getRules().getValidOffsets(start).isEmpty()) {
            throw new BadRequestException("start", "does not exist in " + zoneId.getId()
                    + ": the clocks skip it that night; pick another time");
        }
        Instant instant = ZonedDateTime.ofLocal(start, zoneId, null).withEarlierOffsetAtOverlap().toInstant();
        if (!instant.isAfter(now)) {
            throw new BadRequestException("start", "is in the past; a session can only be scheduled ahead");
        }
        return instant;
    }
}
