package org.outward.notes.theme.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.outward.notes.theme.NoteText;
import org.outward.notes.theme.Theme;
import org.outward.notes.theme.ThemeEngine;

/**
 * Scores theme engines on the evaluation set and writes the account of every theme to
 * {@code target/bench/themes-eval-<part>.txt}. Tuning part by default; the held-out part only with
 * {@code -Dthemes.eval.part=held-out} (run once, after the parameters are settled). Run:
 * {@code mvn -pl notes-service -am test -Dgroups=bench -DexcludedGroups=none -Dtest=ThemeEvaluationBenchTest
 * -Dsurefire.failIfNoSpecifiedTests=false}
 */
@Tag("bench")
class ThemeEvaluationBenchTest {

    @Test
    void scoreEngines() throws IOException {
        String part = System.getProperty("themes.eval.part", EvaluationSet.TUNING);
        EvaluationSet set = EvaluationSet.load();
        ThemeEvaluation evaluation = new ThemeEvaluation(set);
        StringBuilder out = new StringBuilder();
        ThemeEngine engine = new ThemeEngine(10, 20);
        Function<List<EvaluationSet.Note>, List<Theme>> termCounting = notes -> engine.themes(texts(notes));
        out.append(ThemeEvaluation.report("term counting, cohorts, " + part, evaluation.cohorts(part, termCounting)));
        out.append(ThemeEvaluation.report("term counting, libraries, " + part,
                evaluation.libraries(part, termCounting)));
        System.out.print(out);
        Path file = Path.of("target", "bench", "themes-eval-" + part + ".txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, out);
    }

    /** As {@code ThemeNotes} reads notes today: the body, then the attachment's text after a blank line. */
    static List<NoteText> texts(List<EvaluationSet.Note> notes) {
        return notes.stream().map(n -> new NoteText(n.id(), n.library(), n.title(), n.date(),
                n.attachmentText() == null ? n.body() : n.body() + "\n\n" + n.attachmentText())).toList();
    }
}
