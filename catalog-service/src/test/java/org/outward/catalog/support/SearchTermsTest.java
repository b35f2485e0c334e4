package org.outward.catalog.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The analyser alone: whatever it does, documents and queries go through the same steps. */
class SearchTermsTest {

    @Test
    void foldsAccentsAndCaseAndSplitsOnPunctuation() {
        assertThat(SearchTerms.analyse("Café-Conversations: NOTE_taking!")).containsExactly("cafe", "conversation",
                "note", "tak");
    }

    @Test
    void dropsStopWordsAndDuplicates() {
        assertThat(SearchTerms.analyse("The themes of the community and the themes")).containsExactly("them",
                "community");
    }

    @Test
    void stemsLightlyAndAlikeOnBothSides() {
        assertThat(SearchTerms.stem("libraries")).isEqualTo("library");
        assertThat(SearchTerms.stem("facilitating")).isEqualTo(SearchTerms.stem("facilitated"))
                .isEqualTo(SearchTerms.stem("facilitate"));
        assertThat(SearchTerms.stem("focus")).isEqualTo("focus");
        assertThat(SearchTerms.stem("class")).isEqualTo("class");
        assertThat(SearchTerms.stem("go")).isEqualTo("go");
    }

    @Test
    void collectsTermsOfManyTexts() {
        assertThat(SearchTerms.of(List.of("Public knowledge", "public-knowledge", "Worksheets")))
                .as("a final e is dropped, as the -ing and -ed forms lose it").containsExactly("public", "knowledg", "worksheet");
    }
}
