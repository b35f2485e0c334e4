package org.outward.notes.theme;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SentencesTest {

    @Test
    void headingsInlineLabelsAndMarkdownOpenSections() {
        String note = """
                Intro line about the evening. Second sentence here.

                Aspirations:
                Families want to stay.

                ## Concerns
                - **Rents** went up.
                - Buses stop early

                What people believe needs to happen: more housing. And a hotline.

                # Whom they trust
                The legal aid clinic.

                # What we heard
                Something else entirely.
                """;
        List<Sentences.Sentence> sentences = Sentences.split(note);

        assertThat(sentences).extracting(s -> s.section().wireName() + "|" + s.text()).containsExactly(
                "other|Intro line about the evening.",
                "other|Second sentence here.",
                "aspirations|Families want to stay.",
                "concerns|Rents went up.",
                "concerns|Buses stop early",
                "actions|more housing.",
                "actions|And a hotline.",
                "trust|The legal aid clinic.",
                "other|Something else entirely.");
    }

    @Test
    void aColonInOrdinaryProseIsNotASection() {
        assertThat(Sentences.split("Note: the bus was late."))
                .extracting(s -> s.section().wireName() + "|" + s.text())
                .containsExactly("other|Note: the bus was late.");
    }

    @Test
    void emptyTextHasNoSentences() {
        assertThat(Sentences.split(null)).isEmpty();
        assertThat(Sentences.split("  \n\n ")).isEmpty();
    }
}
