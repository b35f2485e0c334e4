package org.outward.notes.theme;

import java.util.Locale;

/**
 * The sections of a community conversation (the Harwood "turning outward" questions). A note may be written in
 * them, with headings such as {@code Aspirations:} or {@code ## Whom they trust}; text outside any of them is
 * {@link #OTHER}. The wire names are those of {@code ThemeData.sections}.
 */
public enum Section {
    ASPIRATIONS("aspirations"),
    CONCERNS("concerns"),
    ACTIONS("actions"),
    TRUST("trust"),
    OTHER("other");

    private final String wireName;

    Section(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The section of a wire name ("concerns"); unknown names are refused, so a typo in settings fails at start. */
    public static Section ofWireName(String name) {
        for (Section section : values()) {
            if (section.wireName.equals(name.strip().toLowerCase(Locale.ROOT))) {
                return section;
            }
        }
        throw new IllegalArgumentException("unknown section '" + name + "': use aspirations, concerns, actions, trust"
                + " or other");
    }

    /**
     * The section a heading announces, or null when the text is not a section heading. Matching is on words,
     * so "What people believe needs to happen" and "Next steps" both mean {@link #ACTIONS}.
     */
    static Section ofHeading(String heading) {
        String h = heading.toLowerCase(Locale.ROOT).replaceAll("[^a-z ]", " ").replaceAll("\\s+", " ").strip();
        if (h.isEmpty() || h.split(" ").length > 8) {
            return null;
        }
        if (h.contains("aspiration") || h.startsWith("hopes") || h.equals("what we want") || h.contains("dreams")) {
            return ASPIRATIONS;
        }
        if (h.contains("concern") || h.startsWith("worries") || h.startsWith("challenges")) {
            return CONCERNS;
        }
        if ((h.contains("need") && h.contains("happen")) || h.startsWith("actions") || h.contains("next steps")
                || h.contains("should happen") || h.contains("asking for") || h.startsWith("requests")
                || h.startsWith("recommendations") || h.startsWith("proposals") || h.startsWith("ideas")
                || (h.startsWith("what ") && h.endsWith(" want"))) {
            return ACTIONS;
        }
        if (h.contains("trust")) {
            return TRUST;
        }
        return null;
    }
}
