package org.outward.catalog.webinar;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;

/** A webinar is drafted first, becomes visible to the cohort once published, and may be archived (withdrawn). */
public enum WebinarStatus {
    @JsonProperty("draft") DRAFT("draft"),
    @JsonProperty("published") PUBLISHED("published"),
    @JsonProperty("archived") ARCHIVED("archived");

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
