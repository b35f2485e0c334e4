package org.outward.catalog.session;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.LocalDateTime;
import org.outward.catalog.support.HttpUrl;
import org.outward.catalog.support.TimeZoneId;

/** The new details of a session (PUT: all of them); the cohort and webinar stay. */
public record RescheduleSessionRequest(
        @NotNull LocalDateTime start,
        @NotNull @Positive(message = SessionTimes.ENDS_BEFORE_START) @Max(1440) Integer durationMinutes,
        @NotBlank @Size(max = 64) @TimeZoneId String timeZone,
        @NotBlank @Size(max = 2000) @HttpUrl String joinUrl,
        @Positive @Max(100_000) Integer capacity) {
}
