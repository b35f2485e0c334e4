package org.outward.notification.preference;

import java.util.Map;

/**
 * Preferences as the API shows and takes them.
 *
 * @param timeZone  IANA zone id, e.g. {@code America/Chicago}
 * @param hour      0-23, local hour digests are sent at
 * @param weeklyDay {@code MONDAY} ... {@code SUNDAY}, the day of the weekly digest
 * @param kinds     kind of news ({@code new-webinar}, {@code cohort-notes}, {@code themes}, {@code calibrations},
 *                  {@code progress-reminders}) to {@code immediate}, {@code daily}, {@code weekly} or {@code off}
 */
public record PreferencesBody(String recipientId, String email, String timeZone, Integer hour, String weeklyDay,
        Map<String, String> kinds, Boolean customized) {

    static PreferencesBody of(Preferences preferences, String email) {
        Map<String, String> kinds = new java.util.LinkedHashMap<>();
        preferences.kinds().forEach((kind, frequency) -> kinds.put(kind.key(), frequency.key()));
        return new PreferencesBody(preferences.memberId(), email, preferences.timeZone(), preferences.hour(),
                preferences.weeklyDay().name(), kinds, preferences.customized());
    }
}
