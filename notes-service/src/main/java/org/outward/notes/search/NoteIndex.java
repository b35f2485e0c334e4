package org.outward.notes.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.outward.notes.theme.Section;
import org.outward.notes.vector.PackedVectors;
import org.outward.notes.vector.SentenceVectorIndex;
import org.outward.platform.search.Bm25;

/**
 * The in-memory search index of the notes, one part per cohort (the scope a member searches): for each part the
 * indexed notes, which notes hold each term (for BM25), and their sentence vectors ({@link SentenceVectorIndex}).
 * Built from MongoDB at start and changed note by note from writes (see {@link SearchIndex}).
 *
 * <p>Ranking looks only at the notes a query accepts (the caller may read them and they pass the filters): their
 * counts make the BM25 statistics and their vectors are the only ones scanned, so a note the caller may not read
 * never ranks, never counts and never changes another note's score.
 */
final class NoteIndex {

    /** Which evidence ranks the notes: words (BM25), meaning (cosine), or both fused by reciprocal rank. */
    enum Mode {
        WORDS, MEANING, FUSED
    }

    /**
     * A search: the query's terms (stems) and unit vector (null for words only), which notes count, which section
     * (null: all), which cohorts to look in (null: all).
     */
    record Query(List<String> terms, float[] vector, Predicate<IndexedNote> accept, Section section,
            Set<String> cohorts, Mode mode) {
    }

    /**
     * A ranked note.
     *
     * @param words        its BM25 score (0 when no term matched)
     * @param meaning      its best sentence's cosine to the query (NaN without a query vector)
     * @param similarities the cosine of each of its passages to the query (null without a query vector)
     */
    record Hit(IndexedNote note, double score, double words, double meaning, float[] similarities) {
    }

    /**
     * The tuned constants of ranking.
     *
     * @param rrfK          the constant k of reciprocal-rank fusion, 1 / (k + rank)
     * @param minSimilarity the least cosine of a note's best sentence for meaning alone to match it
     * @param wordsWeight   what a rank in the word list is worth against the same rank in the meaning list
     * @param wordsFloor    the share of the best BM25 score a note needs for its word rank to count in the fusion;
     *                      notes below it (they hold only the query's commoner words) still match, after the others
     */
    record Ranking(double rrfK, double minSimilarity, double wordsWeight, double wordsFloor) {

        /** Plain reciprocal-rank fusion: both lists alike, every word match counts. */
        Ranking(double rrfK, double minSimilarity) {
            this(rrfK, minSimilarity, 1, 0);
        }
    }

    private static final String NO_COHORT = "";

    private final int dimensions;
    private final Ranking ranking;
    private final Map<String, Part> parts = new ConcurrentHashMap<>();
    private final Map<String, String> cohortOfNote = new ConcurrentHashMap<>();

    NoteIndex(int dimensions, Ranking ranking) {
        this.dimensions = dimensions;
        this.ranking = ranking;
    }

    /** One cohort's notes. Notes are immutable and replaced whole; postings may briefly list a removed note. */
    private final class Part {
        final Map<String, IndexedNote> notes = new ConcurrentHashMap<>();
        final Map<String, Set<String>> postings = new ConcurrentHashMap<>();
        final SentenceVectorIndex vectors = new SentenceVectorIndex(dimensions);
    }

    /** Adds or replaces a note with its passages' vectors (same order as its passages). */
    synchronized void put(IndexedNote note, PackedVectors vectors) {
        if (vectors.count() != note.passages().size()) {
            throw new IllegalArgumentException("one vector per passage");
        }
        remove(note.id());
        String cohort = note.cohortId() == null ? NO_COHORT : note.cohortId();
        Part part = parts.computeIfAbsent(cohort, c -> new Part());
        part.vectors.put(note.id(), vectors);
        note.terms().keySet().forEach(term -> part.postings
                .computeIfAbsent(term, t -> ConcurrentHashMap.newKeySet()).add(note.id()));
        part.notes.put(note.id(), note);
        cohortOfNote.put(note.id(), cohort);
    }

    synchronized void remove(String noteId) {
        String cohort = cohortOfNote.remove(noteId);
        if (cohort == null) {
            return;
        }
        Part part = parts.get(cohort);
        IndexedNote old = part.notes.remove(noteId);
        part.vectors.remove(noteId);
        if (old != null) {
            for (String term : old.terms().keySet()) {
                Set<String> holders = part.postings.get(term);
                if (holders != null) {
                    holders.remove(noteId);
                    if (holders.isEmpty()) {
                        part.postings.remove(term);
                    }
                }
            }
        }
    }

    IndexedNote get(String noteId) {
        String cohort = cohortOfNote.get(noteId);
        return cohort == null ? null : parts.get(cohort).notes.get(noteId);
    }

    PackedVectors vectors(String noteId) {
        String cohort = cohortOfNote.get(noteId);
        return cohort == null ? PackedVectors.of(List.of(), dimensions) : parts.get(cohort).vectors.vectors(noteId);
    }

    int notes() {
        return cohortOfNote.size();
    }

    long sentences() {
        return parts.values().stream().mapToLong(p -> p.vectors.sentences()).sum();
    }

    long vectorBytes() {
        return parts.values().stream().mapToLong(p -> p.vectors.vectorBytes()).sum();
    }

    /** The accepted notes matched by words or meaning, best first (ties by note id: pages never shift). */
    List<Hit> search(Query query) {
        Map<String, IndexedNote> accepted = new HashMap<>();
        List<Part> searched = new ArrayList<>();
        for (Map.Entry<String, Part> entry : parts.entrySet()) {
            if (query.cohorts() == null || query.cohorts().contains(entry.getKey())) {
                searched.add(entry.getValue());
                entry.getValue().notes.values().stream().filter(query.accept())
                        .forEach(note -> accepted.put(note.id(), note));
            }
        }
        Map<String, Double> words = query.mode() == Mode.MEANING ? Map.of() : words(query, searched, accepted);
        Map<String, float[]> similarities = new HashMap<>();
        Map<String, Double> meaning = new HashMap<>();
        if (query.vector() != null) {
            for (Part part : searched) {
                part.vectors.scan(query.vector(), accepted::containsKey, (noteId, sims) -> {
                    double best = best(accepted.get(noteId), sims, query.section());
                    similarities.put(noteId, sims);
                    if (query.mode() != Mode.WORDS && best >= ranking.minSimilarity()) {
                        meaning.put(noteId, best);
                    }
                });
            }
        }
        Map<String, Double> fused = new HashMap<>();
        if (query.mode() == Mode.WORDS) {
            addRanks(fused, words, 1);
        } else if (query.mode() == Mode.MEANING) {
            addRanks(fused, meaning, 1);
        } else {
            addRanks(fused, strongWords(words), ranking.wordsWeight());
            addRanks(fused, meaning, 1);
            words.keySet().forEach(noteId -> fused.putIfAbsent(noteId, 0.0));
        }
        List<Hit> hits = new ArrayList<>(fused.size());
        fused.forEach((noteId, score) -> {
            float[] sims = similarities.get(noteId);
            hits.add(new Hit(accepted.get(noteId), score, words.getOrDefault(noteId, 0.0),
                    sims == null ? Double.NaN : best(accepted.get(noteId), sims, query.section()), sims));
        });
        // Ties (and the weak word matches, all at 0) by BM25, then by note id: pages never shift.
        hits.sort(Comparator.comparingDouble(Hit::score).reversed()
                .thenComparing(Comparator.comparingDouble(Hit::words).reversed())
                .thenComparing(h -> h.note().id()));
        return hits;
    }

    /**
     * The notes nearest to a note: for each of its sentences (at most {@code maxSentences}), the best match in a
     * candidate; a candidate's score is the mean of those (how much of the note it echoes).
     */
    List<Hit> similar(String noteId, Predicate<IndexedNote> accept, Set<String> cohorts, Section section,
            int maxSentences) {
        PackedVectors stored = vectors(noteId);
        List<float[]> sources = new ArrayList<>();
        for (int i = 0; i < Math.min(stored.count(), maxSentences); i++) {
            sources.add(stored.row(i));
        }
        Map<String, IndexedNote> accepted = new HashMap<>();
        List<Part> searched = new ArrayList<>();
        for (Map.Entry<String, Part> entry : parts.entrySet()) {
            if (cohorts == null || cohorts.contains(entry.getKey())) {
                searched.add(entry.getValue());
                entry.getValue().notes.values().stream().filter(n -> !n.id().equals(noteId)).filter(accept)
                        .forEach(note -> accepted.put(note.id(), note));
            }
        }
        Map<String, double[]> sums = new HashMap<>();
        Map<String, float[]> bestPerPassage = new HashMap<>();
        for (float[] source : sources) {
            for (Part part : searched) {
                part.vectors.scan(source, accepted::containsKey, (id, sims) -> {
                    sums.computeIfAbsent(id, k -> new double[1])[0] += best(accepted.get(id), sims, section);
                    float[] kept = bestPerPassage.computeIfAbsent(id, k -> filled(sims.length));
                    for (int i = 0; i < sims.length; i++) {
                        kept[i] = Math.max(kept[i], sims[i]);
                    }
                });
            }
        }
        List<Hit> hits = new ArrayList<>();
        int count = sources.size();
        sums.forEach((id, sum) -> {
            double score = sum[0] / count;
            if (score >= ranking.minSimilarity()) {
                hits.add(new Hit(accepted.get(id), score, 0, score, bestPerPassage.get(id)));
            }
        });
        hits.sort(Comparator.comparingDouble(Hit::score).reversed().thenComparing(h -> h.note().id()));
        return hits;
    }

    /** BM25 of every accepted note holding a query term, with statistics of the accepted notes only. */
    private Map<String, Double> words(Query query, List<Part> searched, Map<String, IndexedNote> accepted) {
        if (query.terms().isEmpty() || accepted.isEmpty()) {
            return Map.of();
        }
        long totalLength = 0;
        for (IndexedNote note : accepted.values()) {
            totalLength += length(note, query.section());
        }
        double averageLength = (double) totalLength / accepted.size();
        Map<String, Double> scores = new HashMap<>();
        for (String term : new HashSet<>(query.terms())) {
            List<IndexedNote> holders = new ArrayList<>();
            for (Part part : searched) {
                for (String id : part.postings.getOrDefault(term, Set.of())) {
                    IndexedNote note = accepted.get(id);
                    if (note != null && frequency(note, term, query.section()) > 0) {
                        holders.add(note);
                    }
                }
            }
            double idf = Bm25.STANDARD.idf(accepted.size(), holders.size());
            for (IndexedNote note : holders) {
                scores.merge(note.id(), Bm25.STANDARD.score(idf, frequency(note, term, query.section()),
                        length(note, query.section()), averageLength), Double::sum);
            }
        }
        return scores;
    }

    private static int frequency(IndexedNote note, String term, Section section) {
        if (section == null) {
            return note.terms().getOrDefault(term, 0);
        }
        int count = 0;
        for (IndexedNote.Passage passage : note.passages()) {
            if (passage.section() == section) {
                count += passage.terms().getOrDefault(term, 0);
            }
        }
        return count;
    }

    private static int length(IndexedNote note, Section section) {
        if (section == null) {
            return note.length();
        }
        int length = 0;
        for (IndexedNote.Passage passage : note.passages()) {
            if (passage.section() == section) {
                length += passage.length();
            }
        }
        return length;
    }

    private static double best(IndexedNote note, float[] sims, Section section) {
        double best = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < sims.length; i++) {
            if (section == null || note.passages().get(i).section() == section) {
                best = Math.max(best, sims[i]);
            }
        }
        return best;
    }

    /**
     * The word matches whose rank counts in the fusion: BM25 at least {@code wordsFloor} of the best. A note holding
     * only a query's commoner words ("too", "make") scores far below one holding its rarer ones, and would otherwise
     * get as good a rank in a short list as a note the meaning side ranks for good reason.
     */
    private Map<String, Double> strongWords(Map<String, Double> words) {
        double best = words.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        Map<String, Double> strong = new HashMap<>();
        words.forEach((noteId, score) -> {
            if (score >= ranking.wordsFloor() * best) {
                strong.put(noteId, score);
            }
        });
        return strong;
    }

    /**
     * Reciprocal-rank fusion: each list adds weight / (k + rank) to a note, rank from 1, ties ordered by note id.
     */
    private void addRanks(Map<String, Double> fused, Map<String, Double> scores, double weight) {
        List<Map.Entry<String, Double>> ranked = new ArrayList<>(scores.entrySet());
        ranked.sort(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry::getKey));
        for (int i = 0; i < ranked.size(); i++) {
            String id = ranked.get(i).getKey();
            fused.merge(id, weight / (ranking.rrfK() + i + 1), Double::sum);
        }
    }

    private static float[] filled(int length) {
        float[] out = new float[length];
        java.util.Arrays.fill(out, -1f);
        return out;
    }
}
