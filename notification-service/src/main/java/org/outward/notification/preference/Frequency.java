package org.outward.notification.preference;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How often a kind of news is sent, most frequent first. */
public enum Frequency {
    IMMEDIATE, DAILY, WEEKLY, OFF;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The frequencies less frequent than this one (OFF included), for the unsubscribe page. */
    public java.util.List<Frequency> lower() {
        return Arrays.stream(values()).filter(f -> f.ordinal() > ordinal()).toList();
    }

    public boolean isDigest() {
        return this == DAILY || this == WEEKLY;
    }

    public static Optional<Frequency> fromKey(String key) {
        return key == null ? Optional.empty()
                : Arrays.stream(values()).filter(f -> f.key().equals(key.trim().toLowerCase(Locale.ROOT))).findFirst();
    }
}
