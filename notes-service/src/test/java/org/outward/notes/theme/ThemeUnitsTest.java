package org.outward.notes.theme;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThemeUnitsTest {

    private static List<String> units(String body, String... attachments) {
        NoteText note = new NoteText("n", "lib", "t", LocalDate.EPOCH, 1, body, List.of(attachments));
        return ThemeUnits.of(note).stream().map(u -> u.section().wireName() + "|" + u.content()).toList();
    }

    @Test
    void listLikeActionSentencesAreSplitIntoTheirItems() {
        assertThat(units("They asked for a crosswalk with a signal, a lower speed limit through town, and sidewalks"
                + " on the school route.")).containsExactly(
                "actions|a crosswalk with a signal",
                "actions|a lower speed limit through town",
                "actions|sidewalks on the school route.");
        // A list of single words is one request, not three.
        assertThat(units("Actions: water, shade and rest breaks every hour.")).containsExactly(
                "actions|water, shade and rest breaks every hour.");
    }

    @Test
    void statementsJoinedByASemicolonAreSeparateUnits() {
        assertThat(units("Concerns: we can't hire; applicants can't find an apartment in town.")).containsExactly(
                "concerns|we can't hire", "concerns|applicants can't find an apartment in town.");
    }

    @Test
    void sentencesOutsideSectionsGetTheSectionTheirOpeningSays() {
        assertThat(units("""
                The meeting ran late.
                They trust the coaches.
                They would like a youth center.
                Families hope their children do well.
                - want a crosswalk by the post office
                """)).containsExactly(
                "other|The meeting ran late.",
                "trust|the coaches.",
                "actions|a youth center.",
                "aspirations|their children do well.",
                "actions|a crosswalk by the post office");
    }

    @Test
    void anOpeningSentenceAboutTheConversationItselfIsNoUnit() {
        assertThat(units("""
                Eleven parents talked with us in the pickup line on a Tuesday.
                Conversation held in Spanish after the noon Mass.
                Two of the women said their rent went up by a third.
                """)).containsExactly("other|Two of the women said their rent went up by a third.");
        // Only at the opening: the same words later are content.
        assertThat(units("Rent is the worry.\nRents rose.\nTwelve tenants at the hearing lost their leases."))
                .hasSize(3);
    }

    @Test
    void attachmentsStartOutsideAnySectionAndLoseTheirPageFurniture() {
        String pdf = """
                Friends of the Cedar Mills Library
                Minutes of the February meeting                                   Page 1 of 2

                New business: households east of the river have no wired service at all; the satel-
                lite plans cost more than $100 a month.
                Friends of the Cedar Mills Library                                Page 2 of 2
                Next meeting: March 12.
                """;
        assertThat(units("Whom they trust: the pastor.", pdf)).containsExactly(
                "trust|the pastor.",
                "other|households east of the river have no wired service at all",
                "other|the satellite plans cost more than $100 a month.",
                "other|March 12.");
    }

    @Test
    void headingsOfExtractedDocumentsOpenSections() {
        String docx = """
                Town hall on the future of Fairview Memorial

                Concerns raised
                The emergency room will close at night.

                What residents want
                1. Keep an urgent care open seven days.
                """;
        assertThat(units("", docx)).containsExactly(
                "concerns|The emergency room will close at night.",
                "actions|Keep an urgent care open seven days.");
    }
}
