package org.outward.notes.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.outward.notes.theme.EmbeddedNote;
import org.outward.notes.theme.MemoryThemeVectors;
import org.outward.notes.theme.NoteText;
import org.outward.notes.theme.SentenceEmbedder;
import org.outward.notes.theme.TestEmbedder;
import org.outward.notes.theme.eval.EvaluationSet;
import org.outward.platform.search.SearchAnalyzer;

/**
 * Scores note search on the labelled queries of {@code search-eval/queries.tsv} over the 96 notes of the themes
 * evaluation set, all in one index, read by staff (who read every note): nDCG@10 with gains {@code 2^grade - 1}
 * and recall@10 of the notes judged relevant, averaged over the queries of a part.
 */
final class SearchEvaluation {

    static final int CUTOFF = 10;

    /** A labelled query: its part and the grade of each relevant note. */
    record LabelledQuery(String id, String part, String text, Map<String, Integer> grades) {
    }

    /** The scores of one query. */
    record Score(LabelledQuery query, List<String> top, double ndcg, double recall) {
    }

    /** Averages over the queries of a part. */
    record Summary(double ndcg, double recall, List<Score> scores) {
    }

    private final List<LabelledQuery> queries;
    private final NoteIndex index;
    private final SentenceEmbedder embedder;

    SearchEvaluation(NoteIndex.Ranking ranking) {
        this.queries = queries();
        this.embedder = TestEmbedder.get();
        this.index = new NoteIndex(embedder.dimensions(), ranking);
        EvaluationSet set = EvaluationSet.load();
        MemoryThemeVectors vectors = MemoryThemeVectors.shared();
        for (EvaluationSet.Note note : set.notes()) {
            NoteSource source = source(note);
            EmbeddedNote embedded = vectors.of(List.of(source.text())).get(0);
            index.put(IndexedNote.of(source, embedded), embedded.vectors());
        }
    }

    static NoteSource source(EvaluationSet.Note note) {
        List<NoteSource.AttachmentText> attachments = note.attachmentText() == null ? List.of()
                : List.of(new NoteSource.AttachmentText(note.id() + "-a", note.attachmentName(),
                        note.attachmentText()));
        return new NoteSource(note.id(), note.library(), note.cohort(), note.shared(), note.title(), note.body(),
                note.date(), 1, List.of(), List.of(), attachments);
    }

    NoteIndex index() {
        return index;
    }

    List<LabelledQuery> queries(String part) {
        return queries(List.of(part));
    }

    List<LabelledQuery> queries(List<String> parts) {
        return queries.stream().filter(q -> parts.contains(q.part())).toList();
    }

    Summary evaluate(String part, NoteIndex.Mode mode) {
        return evaluate(List.of(part), mode);
    }

    Summary evaluate(List<String> parts, NoteIndex.Mode mode) {
        List<Score> scores = new ArrayList<>();
        for (LabelledQuery query : queries(parts)) {
            List<String> top = search(query.text(), mode).stream().limit(CUTOFF).map(h -> h.note().id()).toList();
            scores.add(new Score(query, top, ndcg(top, query.grades()), recall(top, query.grades())));
        }
        return new Summary(scores.stream().mapToDouble(Score::ndcg).average().orElse(0),
                scores.stream().mapToDouble(Score::recall).average().orElse(0), scores);
    }

    List<NoteIndex.Hit> search(String text, NoteIndex.Mode mode) {
        float[] vector = mode == NoteIndex.Mode.WORDS ? null : embedder.embed(List.of(text)).get(0);
        return index.search(new NoteIndex.Query(SearchAnalyzer.distinctTerms(text), vector, note -> true, null, null,
                mode));
    }

    static double ndcg(List<String> top, Map<String, Integer> grades) {
        double dcg = 0;
        for (int i = 0; i < top.size(); i++) {
            dcg += gain(grades.getOrDefault(top.get(i), 0)) / log2(i + 2);
        }
        List<Integer> ideal = grades.values().stream().sorted(Comparator.reverseOrder()).limit(CUTOFF).toList();
        double idcg = 0;
        for (int i = 0; i < ideal.size(); i++) {
            idcg += gain(ideal.get(i)) / log2(i + 2);
        }
        return idcg == 0 ? 0 : dcg / idcg;
    }

    static double recall(List<String> top, Map<String, Integer> grades) {
        long found = grades.entrySet().stream().filter(e -> e.getValue() >= 1 && top.contains(e.getKey())).count();
        long relevant = grades.values().stream().filter(g -> g >= 1).count();
        return relevant == 0 ? 0 : (double) found / relevant;
    }

    private static double gain(int grade) {
        return Math.pow(2, grade) - 1;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    static List<LabelledQuery> queries() {
        List<LabelledQuery> out = new ArrayList<>();
        for (String line : read("search-eval/queries.tsv").split("\\R")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] row = line.split("\t");
            Map<String, Integer> grades = new LinkedHashMap<>();
            for (String judged : row[3].split(",")) {
                String[] pair = judged.split(":");
                grades.put(pair[0], Integer.parseInt(pair[1]));
            }
            out.add(new LabelledQuery(row[0], row[1], row[2], grades));
        }
        return out;
    }

    static String read(String resource) {
        try (InputStream in = SearchEvaluation.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static NoteText text(EvaluationSet.Note note) {
        return source(note).text();
    }
}
