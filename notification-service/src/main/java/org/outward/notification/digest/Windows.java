package org.outward.notification.digest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import org.outward.notification.preference.Frequency;
import org.outward.notification.preference.Preferences;

/**
 * Digest window boundaries in the recipient's own time zone: daily at {@code hour}:00 local, weekly on
 * {@code weeklyDay} at {@code hour}:00 local. A digest is named by the boundary that closes it. On a
 * daylight-saving gap the boundary moves to the first valid local time (java.time's rule).
 */
public final class Windows {

    private Windows() {
    }

    /** The latest boundary at or before {@code now}. */
    public static Instant lastBoundary(Frequency frequency, Preferences preferences, Instant now) {
        ZoneId zone = preferences.zone();
        LocalDate today = now.atZone(zone).toLocalDate();
        LocalDate day = frequency == Frequency.WEEKLY
                ? today.with(TemporalAdjusters.previousOrSame(preferences.weeklyDay())) : today;
        Instant boundary = at(day, preferences.hour(), zone);
        if (boundary.isAfter(now)) {
            boundary = at(day.minusDays(frequency == Frequency.WEEKLY ? 7 : 1), preferences.hour(), zone);
        }
        return boundary;
    }

    /** The first boundary strictly after {@code now}. */
    public static Instant nextBoundary(Frequency frequency, Preferences preferences, Instant now) {
        ZoneId zone = preferences.zone();
        Instant last = lastBoundary(frequency, preferences, now);
        LocalDate day = last.atZone(zone).toLocalDate().plusDays(frequency == Frequency.WEEKLY ? 7 : 1);
        if (frequency == Frequency.WEEKLY) {
            day = day.with(TemporalAdjusters.previousOrSame(preferences.weeklyDay()));
        }
        return at(day, preferences.hour(), zone);
    }

    private static Instant at(LocalDate day, int hour, ZoneId zone) {
        return ZonedDateTime.of(day, LocalTime.of(hour, 0), zone).toInstant();
    }
}
