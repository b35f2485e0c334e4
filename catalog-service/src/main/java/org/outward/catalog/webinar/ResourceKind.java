package org.outward.catalog.webinar;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;

/** What a webinar resource is; the JSON and stored names are the lower-case hyphenated ones. */
public enum ResourceKind {
    @JsonProperty("worksheet") WORKSHEET("worksheet"),
    @JsonProperty("facilitator-guide") FACILITATOR_GUIDE("facilitator-guide"),
    @JsonProperty("sample-materials") SAMPLE_MATERIALS("sample-materials"),
    @JsonProperty("slides") SLIDES("slides");

    private final String wireName;

    ResourceKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static ResourceKind fromWireName(String name) {
        return Arrays.stream(values()).filter(kind -> kind.wireName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown resource kind: " + name));
    }
}
