package org.outward.notes.calibration;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The five stages of community life (Harwood): where a library judges its community to be. Wire names are the
 * contract's ({@code CommunityStageCalibrated.stage}).
 */
public enum CommunityStage {

    @JsonProperty("waiting-place")
    WAITING_PLACE("waiting-place", "The waiting place"),
    @JsonProperty("impasse")
    IMPASSE("impasse", "Impasse"),
    @JsonProperty("catalytic")
    CATALYTIC("catalytic", "Catalytic"),
    @JsonProperty("growth")
    GROWTH("growth", "Growth"),
    @JsonProperty("sustain-and-renew")
    SUSTAIN_AND_RENEW("sustain-and-renew", "Sustain and renew");

    private final String wireName;
    private final String title;

    CommunityStage(String wireName, String title) {
        this.wireName = wireName;
        this.title = title;
    }

    public String wireName() {
        return wireName;
    }

    public String title() {
        return title;
    }

    public static CommunityStage fromWireName(String name) {
        for (CommunityStage stage : values()) {
            if (stage.wireName.equals(name)) {
                return stage;
            }
        }
        throw new IllegalArgumentException("unknown stage: " + name);
    }
}
