package org.outward.notes.theme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Theme computation time for 1,000 notes made from the fixture corpus (each a mix of two to four corpus notes'
 * sentences, over 20 libraries; fixed seed, so every run computes the same input). Prints the figures and writes
 * them to {@code target/bench/notes-themes.txt}; no timed assertion. Run:
 * {@code mvn -o -pl notes-service test -Dgroups=bench -DexcludedGroups=none -Dtest=ThemeComputationBenchTest
 * -Dsurefire.failIfNoSpecifiedTests=false}
 */
@Tag("bench")
class ThemeComputationBenchTest {

    static List<NoteText> generate(int count, long seed) {
        List<Corpus.Entry> corpus = Corpus.load();
        Random random = new Random(seed);
        List<NoteText> notes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            StringBuilder text = new StringBuilder();
            int parts = 2 + random.nextInt(3);
            for (int p = 0; p < parts; p++) {
                text.append(corpus.get(random.nextInt(corpus.size())).body()).append("\n\n");
            }
            notes.add(new NoteText("note-" + i, "lib-" + (i % 20), "Generated " + i,
                    LocalDate.parse("2025-01-01").plusDays(random.nextInt(365)), text.toString()));
        }
        return notes;
    }

    @Test
    void themesOfAThousandNotes() throws IOException {
        List<NoteText> notes = generate(1000, 42);
        long characters = notes.stream().mapToLong(n -> n.text().length()).sum();
        TermCountingEngine engine = new TermCountingEngine(10, 20);
        // Warm-up: class loading and JIT, so the figures are of the steady state a running service is in.
        for (int i = 0; i < 3; i++) {
            engine.themes(notes);
        }
        int runs = 10;
        long[] millis = new long[runs];
        List<Theme> themes = List.of();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            themes = engine.themes(notes);
            millis[i] = (System.nanoTime() - start) / 1_000_000;
        }
        Arrays.sort(millis);
        String report = String.format(Locale.ROOT,
                "theme computation, %d notes, %.1f MB of text, %d runs after 3 warm-ups: median %d ms, min %d ms,"
                        + " max %d ms; %d themes, top: %s%n",
                notes.size(), characters / 1_000_000.0, runs, millis[runs / 2], millis[0], millis[runs - 1],
                themes.size(), themes.stream().limit(5).map(Theme::label).toList());
        System.out.print(report);
        Path out = Path.of("target", "bench", "notes-themes.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        assertThat(themes).isNotEmpty();
    }
}
