package org.outward.notes.theme;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ThemeLabelsTest {

    /**
     * "ferry ferry ferry tickets" makes the phrase "ferri ferri": a label term of one word twice once failed the
     * whole computation (and the theme listener retried the note's event until it went to the dead-letter topic).
     */
    @Test
    void aPhraseOfOneWordTwiceIsNamedLikeAnyOther() {
        List<ThemeLabels.Sentence> theme = List.of(
                new ThemeLabels.Sentence("a", ThemeTerms.of("Ferry ferry ferry tickets cost more.")),
                new ThemeLabels.Sentence("b", ThemeTerms.of("Ferry ferry ferry tickets cost more again.")));

        List<Optional<ThemeLabels.Label>> labels = ThemeLabels.label(List.of(theme), List.of());

        assertThat(labels).hasSize(1);
        assertThat(labels.get(0)).get().extracting(ThemeLabels.Label::key).asString().contains("ferri");
    }
}
