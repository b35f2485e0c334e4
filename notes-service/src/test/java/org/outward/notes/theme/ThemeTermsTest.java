package org.outward.notes.theme;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ThemeTermsTest {

    @Test
    void wordsArePhrasesAndStemsThroughLucene() {
        assertThat(ThemeTerms.of("The bus routes were cut; more bus route shelters!"))
                .extracting(ThemeTerms.Term::key)
                .contains("bu rout", "rout", "shelter", "rout shelter")
                .doesNotContain("the", "were", "more");
    }

    @Test
    void phrasesNeverSpanARemovedWord() {
        // "hours" and "end" are separated by "that": no phrase "hours end".
        assertThat(ThemeTerms.of("library hours that end early")).extracting(ThemeTerms.Term::surface)
                .contains("library hours", "hours", "end", "early")
                .doesNotContain("hours end");
    }

    @Test
    void hyphenatedWordsStayOneWordAndGenericWordsOnlyLiveInPhrases() {
        assertThat(ThemeTerms.of("Free after-school programs at the library"))
                .extracting(ThemeTerms.Term::surface)
                .contains("after-school programs", "after-school", "free after-school")
                .doesNotContain("library", "programs");
    }

    @Test
    void numbersAndShortWordsAreNotTerms() {
        assertThat(ThemeTerms.of("Rents rose 30 percent in 2025 at 9 pm")).extracting(ThemeTerms.Term::surface)
                .doesNotContain("30", "2025", "pm", "rose 30");
    }
}
