package org.outward.catalog.session;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;

/** A live session's state: scheduled, changed since (moved, new link or capacity), or called off. */
public enum SessionState {
    @JsonProperty("scheduled") SCHEDULED("scheduled"),
    @JsonProperty("rescheduled") RESCHEDULED("rescheduled"),
    @JsonProperty("cancelled") CANCELLED("cancelled");

    private final String wireName;

    SessionState(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static SessionState fromWireName(String name) {
        return Arrays.stream(values()).filter(state -> state.wireName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown session state: " + name));
    }
}
