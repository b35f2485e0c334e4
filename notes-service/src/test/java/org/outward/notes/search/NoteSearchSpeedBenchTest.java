package org.outward.notes.search;

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
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.outward.notes.theme.NoteText;
import org.outward.notes.theme.SentenceEmbedder;
import org.outward.notes.theme.EmbeddedNote;
import org.outward.notes.theme.StoredThemeVectorsForBench;
import org.outward.notes.theme.TestEmbedder;
import org.outward.notes.theme.ThemeUnits;
import org.outward.notes.theme.eval.EvaluationSet;
import org.outward.platform.security.Caller;
import org.outward.platform.test.TestMongo;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Speed of note search for one cohort of 10,000 notes (60,000 sentences), in process, on the real model and a
 * MongoDB wire server over TCP: the index rebuilt as after a restart (notes and stored sentence vectors read from
 * MongoDB, nothing embedded), its memory, then the whole search path of a library member (query embedded, BM25 and
 * vector scan over the cohort, fusion, snippets, the page checked against MongoDB) for the 40 evaluation queries,
 * ten rounds after a warm-up. Notes are six list items each, drawn from the sentences of the evaluation set (fixed
 * seed); their vectors come from the model, each distinct sentence embedded once. Writes
 * {@code target/bench/notes-search-speed.txt}; no timed assertion. Run:
 * {@code mvn -pl notes-service -am test -Dgroups=bench -DexcludedGroups=none -Dtest=NoteSearchSpeedBenchTest
 * -Dsurefire.failIfNoSpecifiedTests=false}
 */
@Tag("bench")
class NoteSearchSpeedBenchTest {

    static final int NOTES = Integer.getInteger("search.bench.notes", 10_000);
    static final int SENTENCES = 6;

    /** The model, each distinct text embedded once: 60,000 sentences from a pool of some hundreds. */
    static final class PoolEmbedder implements SentenceEmbedder {
        private final SentenceEmbedder model;
        private final Map<String, float[]> cache = new ConcurrentHashMap<>();

        PoolEmbedder(SentenceEmbedder model) {
            this.model = model;
        }

        @Override
        public List<float[]> embed(List<String> texts) {
            List<String> missing = texts.stream().filter(t -> !cache.containsKey(t)).distinct().toList();
            if (!missing.isEmpty()) {
                List<float[]> vectors = model.embed(missing);
                for (int i = 0; i < missing.size(); i++) {
                    cache.put(missing.get(i), vectors.get(i));
                }
            }
            return texts.stream().map(cache::get).toList();
        }

        @Override
        public int dimensions() {
            return model.dimensions();
        }
    }

    @Test
    void aCohortOfTenThousandNotes() throws IOException {
        String uri = TestMongo.uniqueUri();
        StringBuilder report = new StringBuilder();
        try (MongoClient client = MongoClients.create(uri)) {
            MongoTemplate mongo = new MongoTemplate(client, uri.substring(uri.lastIndexOf('/') + 1));
            SentenceEmbedder model = TestEmbedder.get();
            PoolEmbedder pool = new PoolEmbedder(model);
            List<Document> notes = generate(NOTES, SENTENCES, 42);
            for (int from = 0; from < notes.size(); from += 1000) {
                mongo.getCollection("notes").insertMany(notes.subList(from, Math.min(from + 1000, notes.size())));
            }
            StoredThemeVectorsForBench.insertAll(mongo, notes.stream()
                    .map(n -> EmbeddedNote.embed(text(n), pool)).toList());

            // Rebuild as after a restart: a fresh process reads notes and vectors from MongoDB.
            SearchSettings settings = new SearchSettings(null, null, null, null,
                    Integer.getInteger("search.bench.batch", 1000), null);
            SearchNotes searchNotes = new SearchNotes(mongo);
            long heapBefore = usedHeap();
            long start = System.nanoTime();
            SearchIndex index = new SearchIndex(searchNotes, StoredThemeVectorsForBench.create(mongo, pool, 0), model,
                    settings);
            index.rebuild();
            double rebuildSeconds = (System.nanoTime() - start) / 1e9;
            NoteIndex built = index.index();
            long heapAfter = usedHeap();
            report.append(String.format(Locale.ROOT, "index: %d notes, %d sentences; rebuilt from MongoDB in %.1f s;"
                    + " vectors %.1f MB; heap held by the whole index (vectors, terms, passages) about %.0f MB%n",
                    built.notes(), built.sentences(), rebuildSeconds, built.vectorBytes() / 1048576.0,
                    (heapAfter - heapBefore) / 1048576.0));

            NoteSearch search = new NoteSearch(index, searchNotes, model);
            Caller member = new Caller("bench", "bench@example.org", Set.of(Caller.MEMBER), "lib-0", "bench");
            SearchFilters none = new SearchFilters(null, null, null, null, null, null, null, null, null);
            List<String> queries = SearchEvaluation.queries().stream().map(SearchEvaluation.LabelledQuery::text)
                    .toList();
            for (String q : queries) {
                search.search(member, q, none); // warm-up
            }
            int rounds = Integer.getInteger("search.bench.rounds", 10);
            long[] total = new long[rounds * queries.size()];
            long[] embedding = new long[total.length];
            long[] ranking = new long[total.length];
            long matches = 0;
            int n = 0;
            for (int round = 0; round < rounds; round++) {
                for (String q : queries) {
                    long t0 = System.nanoTime();
                    float[] vector = model.embed(List.of(q)).get(0);
                    long t1 = System.nanoTime();
                    embedding[n] = t1 - t0;
                    built.search(new NoteIndex.Query(org.outward.platform.search.SearchAnalyzer.distinctTerms(q),
                            vector, NoteSearch.accept(member, none, null), null, null, NoteIndex.Mode.FUSED));
                    ranking[n] = System.nanoTime() - t1;
                    t1 = System.nanoTime();
                    SearchPage page = search.search(member, q, none);
                    long t2 = System.nanoTime();
                    total[n++] = t2 - t1;
                    matches += page.total();
                }
            }
            report.append(String.format(Locale.ROOT, "search as a member (their cohort of %d notes), %d queries: "
                    + "p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms; of which the query's embedding p50 %.1f ms"
                    + " and the ranking in the index (BM25, vector scan, fusion) p50 %.1f ms, p99 %.1f ms;"
                    + " %.0f matches per query on average%n", NOTES, total.length, pct(total, 50), pct(total, 90),
                    pct(total, 99), pct(total, 100), pct(embedding, 50), pct(ranking, 50), pct(ranking, 99),
                    (double) matches / total.length));
            report.append(String.format(Locale.ROOT, "java %s, %d cores, max heap %d MB%n",
                    System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().maxMemory() / 1048576));
        }
        Path file = Path.of("target", "bench", "notes-search-speed.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, report.toString());
        System.out.println(report);
    }

    private static double pct(long[] nanos, int percentile) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static NoteText text(Document note) {
        return new NoteText(note.getString("_id"), note.getString("libraryId"), note.getString("title"),
                LocalDate.parse(note.getString("conversationDate")), note.get("version", Number.class).longValue(),
                note.getString("body"), List.of());
    }

    static List<Document> generate(int count, int sentencesPerNote, long seed) {
        Set<String> distinct = new LinkedHashSet<>();
        for (NoteText note : EvaluationSet.noteTexts(EvaluationSet.load().notes())) {
            ThemeUnits.of(note).forEach(u -> distinct.add(u.text()));
        }
        List<String> pool = new ArrayList<>(distinct);
        Random random = new Random(seed);
        List<Document> notes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            StringBuilder body = new StringBuilder("Concerns:\n");
            for (int s = 0; s < sentencesPerNote; s++) {
                body.append("- ").append(pool.get(random.nextInt(pool.size()))).append('\n');
            }
            notes.add(new Document("_id", String.format(Locale.ROOT, "note-%05d", i))
                    .append("libraryId", "lib-" + (i % 20)).append("cohortId", "bench")
                    .append("visibility", i % 10 == 0 ? "private" : "cohort").append("title", "Generated " + i)
                    .append("body", body.toString())
                    .append("conversationDate", LocalDate.parse("2025-01-01").plusDays(random.nextInt(365)).toString())
                    .append("version", 1L).append("segments", List.of()).append("tags", List.of())
                    .append("attachments", List.of()));
        }
        return notes;
    }
}
