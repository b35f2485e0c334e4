package org.outward.notes.theme;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.outward.notes.theme.eval.EvaluationSet;
import org.outward.notes.vector.SimilarityCache;
import org.outward.notes.vector.VectorIndex;
import org.outward.platform.test.TestMongo;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Speed of semantic themes for a cohort of 1,000 notes (about 6,000 sentences), on the real model and a MongoDB
 * wire server over TCP: how fast sentences are embedded, a full recompute after a restart (vectors read from
 * MongoDB), a full recompute with the vectors in memory, and the recompute after one new note the way the service
 * does it (the note embedded alone, its similarities computed, the rest of the matrix kept from the last time). The
 * term-counting engine runs on the same notes in the same run for the ratio. Notes are made of sentences drawn from
 * the evaluation set and the fixture corpus (fixed seed, 685 distinct sentences, so a sentence recurs in about nine
 * notes). Prints and writes
 * {@code target/bench/notes-themes-speed.txt}; no timed assertion. Run:
 * {@code mvn -pl notes-service -am test -Dgroups=bench -DexcludedGroups=none -Dtest=ThemeComputationBenchTest
 * -Dsurefire.failIfNoSpecifiedTests=false}
 */
@Tag("bench")
class ThemeComputationBenchTest {

    static List<String> sentencePool() {
        Set<String> pool = new LinkedHashSet<>();
        for (NoteText note : EvaluationSet.noteTexts(EvaluationSet.load().notes())) {
            ThemeUnits.of(note).forEach(u -> pool.add(u.text()));
        }
        for (Corpus.Entry entry : Corpus.load()) {
            ThemeUnits.of(entry.noteText()).forEach(u -> pool.add(u.text()));
        }
        return new ArrayList<>(pool);
    }

    static List<NoteText> generate(int count, int sentencesPerNote, long seed) {
        List<String> pool = sentencePool();
        Random random = new Random(seed);
        List<NoteText> notes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            StringBuilder body = new StringBuilder("Concerns:\n");
            for (int s = 0; s < sentencesPerNote; s++) {
                // One list item per sentence: each is one unit, whatever its capitals and stops.
                body.append("- ").append(pool.get(random.nextInt(pool.size()))).append('\n');
            }
            notes.add(new NoteText(String.format(Locale.ROOT, "note-%04d", i), "lib-" + (i % 20), "Generated " + i,
                    LocalDate.parse("2025-01-01").plusDays(random.nextInt(365)), 1, body.toString(), List.of()));
        }
        return notes;
    }

    @Test
    void aCohortOfAThousandNotes() throws IOException {
        String uri = TestMongo.uniqueUri();
        StringBuilder report = new StringBuilder();
        try (MongoClient client = MongoClients.create(uri)) {
            MongoTemplate mongo = new MongoTemplate(client, uri.substring(uri.lastIndexOf('/') + 1));
            SentenceEmbedder embedder = TestEmbedder.get();
            ThemeSettings settings = ThemeSettings.defaults();
            long vectorBytes = settings.memory().vectorsMb() * 1024L * 1024L;
            long similarityBytes = settings.memory().similaritiesMb() * 1024L * 1024L;
            StoredThemeVectors vectors = new StoredThemeVectors(mongo, embedder, new VectorIndex<>(vectorBytes));
            List<NoteText> notes = generate(1000, 6, 42);

            // Embedding throughput: the model alone, then embedding and storing every note once.
            embedder.embed(List.of("warm up the model", "and its threads"));
            List<String> sample = sentencePool().subList(0, 500);
            long start = System.nanoTime();
            embedder.embed(sample);
            double modelSeconds = (System.nanoTime() - start) / 1e9;
            start = System.nanoTime();
            List<EmbeddedNote> embedded = vectors.of(notes);
            double storeSeconds = (System.nanoTime() - start) / 1e9;
            int sentences = embedded.stream().mapToInt(n -> n.units().size()).sum();
            report.append(String.format(Locale.ROOT, "embedding: %d sentences by the model alone in %.1f s = %.0f"
                    + " sentences/s; %d notes (%d sentences) embedded and stored in %.1f s = %.0f sentences/s%n",
                    sample.size(), modelSeconds, sample.size() / modelSeconds, notes.size(), sentences, storeSeconds,
                    sentences / storeSeconds));

            // Full recompute as after a restart: vectors read from MongoDB, nothing kept in memory.
            long[] cold = new long[3];
            List<Theme> themes = List.of();
            for (int run = 0; run < cold.length; run++) {
                ThemeEngine restarted = new ThemeEngine(settings,
                        new StoredThemeVectors(mongo, embedder, new VectorIndex<>(vectorBytes)));
                start = System.nanoTime();
                themes = restarted.themes(notes);
                cold[run] = (System.nanoTime() - start) / 1_000_000;
            }
            // Full recompute with the vectors in memory but every similarity computed (no kept matrix).
            ThemeEngine engine = new ThemeEngine(settings, vectors, new SimilarityCache(similarityBytes));
            long[] full = new long[3];
            for (int run = 0; run < full.length; run++) {
                start = System.nanoTime();
                themes = engine.themes(notes);
                full[run] = (System.nanoTime() - start) / 1_000_000;
            }
            // After one new note, as the service does it: the cohort's scope was computed before; the new note is
            // embedded (alone) and stored, its similarities computed, the rest taken from the kept matrix.
            engine.themes("cohort:bench", notes);
            long[] incremental = new long[5];
            List<Theme> afterOne = List.of();
            List<NoteText> growing = new ArrayList<>(notes);
            for (int run = 0; run < incremental.length; run++) {
                growing.add(generate(1, 6, 1000 + run).get(0).withId(String.format(Locale.ROOT, "note-%04d-new",
                        run * 200 + 100)));
                start = System.nanoTime();
                afterOne = engine.themes("cohort:bench", growing);
                incremental[run] = (System.nanoTime() - start) / 1_000_000;
            }
            boolean same = afterOne.equals(new ThemeEngine(settings, vectors).themes(growing));
            TermCountingEngine old = new TermCountingEngine(10, 20);
            long[] termCounting = new long[3];
            for (int run = 0; run < termCounting.length; run++) {
                start = System.nanoTime();
                old.themes(notes);
                termCounting[run] = (System.nanoTime() - start) / 1_000_000;
            }
            long[] termCountingAfterOne = new long[3];
            for (int run = 0; run < termCountingAfterOne.length; run++) {
                start = System.nanoTime();
                old.themes(growing); // it has no state: one new note is a full recompute
                termCountingAfterOne[run] = (System.nanoTime() - start) / 1_000_000;
            }
            report.append(String.format(Locale.ROOT, "cohort of %d notes, %d sentences (%d distinct sentences in the"
                    + " pool):%n", notes.size(), sentences, sentencePool().size()));
            report.append("  semantic, full recompute after a restart (vectors read from MongoDB), ms: ")
                    .append(runs(cold)).append('\n');
            report.append("  semantic, full recompute (vectors in memory, all similarities computed), ms: ")
                    .append(runs(full)).append('\n');
            report.append("  semantic, after one new note (embed it, its similarities, kept matrix), ms: ")
                    .append(runs(incremental)).append('\n');
            report.append("  semantic, after one new note, same themes as a full recompute: ").append(same)
                    .append('\n');
            report.append("  term counting, full recompute, ms: ").append(runs(termCounting)).append('\n');
            report.append("  term counting, after one new note (a full recompute), ms: ")
                    .append(runs(termCountingAfterOne)).append('\n');
            report.append(String.format(Locale.ROOT, "  median ratio semantic/term counting: full %.2f, after one"
                    + " new note %.2f%n", (double) median(full) / Math.max(1, median(termCounting)),
                    (double) median(incremental) / Math.max(1, median(termCountingAfterOne))));
            report.append("  top themes: ").append(themes.stream().limit(6).map(t -> t.label() + " (" + t.noteCount()
                    + ")").toList()).append('\n');
            System.gc();
            report.append(String.format(Locale.ROOT, "  JVM heap used after (one kept matrix, 1,005 notes in"
                    + " memory): %d MB%n",
                    (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / 1_000_000));
            assertThat(themes).isNotEmpty();
            assertThat(same).isTrue();
        }
        System.out.print(report);
        Path out = Path.of("target", "bench", "notes-themes-speed.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    private static String runs(long[] millis) {
        long[] sorted = millis.clone();
        Arrays.sort(sorted);
        return "median " + median(millis) + " (min " + sorted[0] + ", max " + sorted[sorted.length - 1] + ", runs "
                + Arrays.toString(millis) + ")";
    }

    private static long median(long[] millis) {
        long[] sorted = millis.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
