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
import org.outward.notes.theme.MemoryThemeVectors;
import org.outward.notes.theme.TermCountingEngine;
import org.outward.notes.theme.ThemeEngine;
import org.outward.notes.theme.ThemeSettings;

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
        TermCountingEngine old = new TermCountingEngine(10, 20);
        Function<List<EvaluationSet.Note>, List<Theme>> termCounting = notes -> old.themes(texts(notes));
        StringBuilder summary = new StringBuilder();
        summary.append(line("term counting, cohorts", evaluation.cohorts(part, termCounting), out));
        summary.append(line("term counting, libraries", evaluation.libraries(part, termCounting), out));
        MemoryThemeVectors vectors = MemoryThemeVectors.shared();
        for (List<String> sections : SECTIONS) {
            ThemeEngine engine = new ThemeEngine(settingsFromProperties().withSections(sections), vectors);
            Function<List<EvaluationSet.Note>, List<Theme>> semantic = notes -> engine.themes(notes(notes));
            summary.append(line("semantic " + sections + ", cohorts", evaluation.cohorts(part, semantic), out));
            summary.append(line("semantic " + sections + ", libraries", evaluation.libraries(part, semantic), out));
        }
        out.insert(0, "part: " + part + "\n" + summary + "\n");
        System.out.print(out);
        Path file = Path.of("target", "bench", "themes-eval-" + part + ".txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, out);
    }

    /** The defaults, or clustering parameters given as -Dthemes.eval.linkage=... (to look at one grid point closely). */
    static ThemeSettings settingsFromProperties() {
        return ThemeSettings.defaults().withClustering(new ThemeSettings.Clustering(number("linkage"), number("pair"),
                number("cohesion"), number("problemAction"), number("themeMerge"), number("member"), null, null));
    }

    private static Double number(String name) {
        String value = System.getProperty("themes.eval." + name);
        return value == null ? null : Double.valueOf(value);
    }

    /** A grid of clustering parameters, scored on the tuning part only (never the held-out part). */
    @Test
    void sweepOnTheTuningPart() throws IOException {
        EvaluationSet set = EvaluationSet.load();
        ThemeEvaluation evaluation = new ThemeEvaluation(set);
        MemoryThemeVectors vectors = MemoryThemeVectors.shared();
        StringBuilder out = new StringBuilder();
        for (List<String> sections : SECTIONS) {
            for (double linkage : grid("linkage", 0.20, 0.25, 0.30)) {
                for (double pair : grid("pair", 0.45, 0.50, 0.55)) {
                    for (double cohesion : grid("cohesion", 0.35, 0.40, 0.45)) {
                        for (double problemAction : grid("problemAction", 0.35)) {
                            for (double themeMerge : grid("themeMerge", 0.35, 0.40, 0.45, 1.0)) {
                              for (double member : grid("member", 0.0, 0.35, 0.40, 0.45)) {
                                ThemeSettings settings = ThemeSettings.defaults().withSections(sections)
                                        .withClustering(new ThemeSettings.Clustering(linkage, pair, cohesion,
                                                problemAction, themeMerge, member, null, null));
                                ThemeEngine engine = new ThemeEngine(settings, vectors);
                                ThemeEvaluation.Score score = ThemeEvaluation.total(evaluation.cohorts(
                                        EvaluationSet.TUNING, notes -> engine.themes(notes(notes))));
                                out.append(String.format("%-45s linkage %.2f pair %.2f cohesion %.2f pa %.2f merge"
                                        + " %.2f member %.2f  %s%n", sections, linkage, pair, cohesion, problemAction,
                                        themeMerge, member, score.row()));
                              }
                            }
                        }
                    }
                }
            }
        }
        System.out.print(out);
        Path file = Path.of("target", "bench", "themes-sweep-tuning.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, out);
    }

    /** The values of a grid axis: -Dthemes.eval.grid.<name>=a,b,c or the ones given. */
    private static double[] grid(String name, double... values) {
        String given = System.getProperty("themes.eval.grid." + name);
        return given == null ? values : java.util.Arrays.stream(given.split(",")).mapToDouble(Double::parseDouble)
                .toArray();
    }

    static final List<List<String>> SECTIONS = List.of(List.of("concerns", "actions"),
            List.of("concerns", "actions", "other"), List.of("aspirations", "concerns", "actions", "trust", "other"));

    private static String line(String title, List<ThemeEvaluation.ScopeResult> results, StringBuilder details) {
        details.append(ThemeEvaluation.report(title, results));
        return String.format("%-60s %s%n", title, ThemeEvaluation.total(results).row());
    }

    static List<NoteText> notes(List<EvaluationSet.Note> notes) {
        return EvaluationSet.noteTexts(notes);
    }

    /** As {@code ThemeNotes} read notes before: the body, then the attachment's text after a blank line. */
    static List<NoteText> texts(List<EvaluationSet.Note> notes) {
        return notes.stream().map(n -> new NoteText(n.id(), n.library(), n.title(), n.date(),
                n.attachmentText() == null ? n.body() : n.body() + "\n\n" + n.attachmentText())).toList();
    }
}
