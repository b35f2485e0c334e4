package org.outward.catalog.session;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.LocalDateTime;
import org.outward.catalog.support.HttpUrl;
import org.outward.catalog.support.TimeZoneId;

/**
 * A live session of a webinar for a cohort. The start is a wall-clock time in the given zone, the way a
 * coordinator plans it ("10:00 in Chicago"); the instant follows from the zone's rules on that day.
 *
 * @param start           local date and time, e.g. {@code 2026-03-09T10:00}
 * @param durationMinutes how long it lasts; a session cannot end before it starts
 * @param capacity        seats, or null for no limit
 */
public record ScheduleSessionRequest(
        @NotBlank @Size(max = 100) String cohortId,
        @NotNull LocalDateTime start,
        @NotNull @Positive(message = SessionTimes.ENDS_BEFORE_START) @Max(1440) Integer durationMinutes,
        @NotBlank @Size(max = 64) @TimeZoneId String timeZone,
        @NotBlank @Size(max = 2000) @HttpUrl String joinUrl,
        @Positive @Max(100_000) Integer capacity) {
}
