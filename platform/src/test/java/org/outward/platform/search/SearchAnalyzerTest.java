package org.outward.platform.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SearchAnalyzerTest {

    @Test
    void stemsFoldsAndDropsStopWords() {
        assertThat(SearchAnalyzer.terms("The Café's closing; cafes closed!"))
                .containsExactly("cafe", "close", "cafe", "close");
        assertThat(SearchAnalyzer.distinctTerms("conversations of the conversation"))
                .containsExactly("convers");
        assertThat(SearchAnalyzer.terms("of the and")).isEmpty();
        assertThat(SearchAnalyzer.terms(null)).isEmpty();
    }

    @Test
    void tokensKeepTheOffsetsOfTheirWords() {
        String text = "Rents went up; renting costs more.";
        List<SearchAnalyzer.Token> tokens = SearchAnalyzer.tokens(text);
        assertThat(tokens).extracting(SearchAnalyzer.Token::term).containsExactly("rent", "went", "up", "rent",
                "cost", "more");
        SearchAnalyzer.Token renting = tokens.get(3);
        assertThat(text.substring(renting.start(), renting.end())).isEqualTo("renting");
    }

    @Test
    void bm25RewardsRareTermsAndSaturatesRepeats() {
        Bm25 bm25 = Bm25.STANDARD;
        assertThat(bm25.idf(100, 1)).isGreaterThan(bm25.idf(100, 50));
        double once = bm25.score(1, 1, 10, 10);
        double twice = bm25.score(1, 2, 10, 10);
        double tenTimes = bm25.score(1, 10, 10, 10);
        assertThat(twice).isGreaterThan(once);
        assertThat(tenTimes - twice).isLessThan((twice - once) * 8);
        assertThat(bm25.score(1, 1, 40, 10)).isLessThan(once);
        assertThat(bm25.score(1, 0, 10, 10)).isZero();
    }
}
