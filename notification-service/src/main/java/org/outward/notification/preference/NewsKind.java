package org.outward.notification.preference;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of news a recipient chooses a frequency for; {@link #key()} is the name in the API and in tokens. */
public enum NewsKind {
    NEW_WEBINAR("new-webinar", "New webinars"),
    COHORT_NOTES("cohort-notes", "Notes shared in your cohort"),
    THEMES("themes", "Changes in the cohort's themes"),
    CALIBRATIONS("calibrations", "Community-stage calibrations"),
    PROGRESS_REMINDERS("progress-reminders", "Webinars your library has not watched yet"),
    /** Invitations to live sessions and reminders 24 h and 1 h before the ones you registered for; on unless off. */
    SESSION_REMINDERS("session-reminders", "Live-session invitations and reminders");

    private final String key;
    private final String label;

    NewsKind(String key, String label) {
        this.key = key;
        this.label = label;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public static Optional<NewsKind> fromKey(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
    }
}
