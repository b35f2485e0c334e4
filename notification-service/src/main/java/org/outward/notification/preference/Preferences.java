package org.outward.notification.preference;

import java.time.DayOfWeek;
import java.util.EnumMap;
import java.util.Map;

/**
 * One recipient's choices: a frequency per kind of news, and when digests go out, in their own time zone
 * (daily at {@code hour}; weekly on {@code weeklyDay} at {@code hour}).
 */
public record Preferences(String memberId, String timeZone, int hour, DayOfWeek weeklyDay,
        Map<NewsKind, Frequency> kinds, boolean customized) {

    public static final int DEFAULT_HOUR = 8;
    public static final DayOfWeek DEFAULT_WEEKLY_DAY = DayOfWeek.MONDAY;
    public static final String DEFAULT_TIME_ZONE = "UTC";

    public Preferences {
        EnumMap<NewsKind, Frequency> all = new EnumMap<>(NewsKind.class);
        for (NewsKind kind : NewsKind.values()) {
            all.put(kind, kinds == null || kinds.get(kind) == null ? defaultFrequency(kind) : kinds.get(kind));
        }
        kinds = java.util.Collections.unmodifiableMap(all);
    }

    /**
     * New webinars and live-session invitations and reminders at once, everything else in the daily digest at 8 in
     * the library's time zone.
     */
    public static Frequency defaultFrequency(NewsKind kind) {
        return kind == NewsKind.NEW_WEBINAR || kind == NewsKind.SESSION_REMINDERS ? Frequency.IMMEDIATE
                : Frequency.DAILY;
    }

    public static Preferences defaults(String memberId, String timeZone) {
        return new Preferences(memberId, timeZone == null || timeZone.isBlank() ? DEFAULT_TIME_ZONE : timeZone,
                DEFAULT_HOUR, DEFAULT_WEEKLY_DAY, Map.of(), false);
    }

    public Frequency frequency(NewsKind kind) {
        return kinds.get(kind);
    }

    public java.time.ZoneId zone() {
        return java.time.ZoneId.of(timeZone);
    }
}
