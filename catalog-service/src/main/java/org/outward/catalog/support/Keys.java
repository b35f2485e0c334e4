package org.outward.catalog.support;

import java.util.Locale;

/**
 * Lookup keys for values that must be unique regardless of case and spacing ("Springfield Library"
 * and "springfield  library " are the same library). The key is stored next to the value as given,
 * and the unique index is on the key.
 */
public final class Keys {

    private Keys() {
    }

    public static String of(String value) {
        return value.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
