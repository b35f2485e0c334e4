package org.outward.catalog.webinar;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;

/** A webinar is drafted first and becomes visible to the cohort once published. */
public enum WebinarStatus {
    @JsonProperty("draft") DRAFT("draft"),
    @JsonProperty("published") PUBLISHED("published");

    private final String wireName;

    WebinarStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static WebinarStatus fromWireName(String name) {
        return Arrays.stream(values()).filter(status -> status.wireName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown webinar status: " + name));
    }
}
