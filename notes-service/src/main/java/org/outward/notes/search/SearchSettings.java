package org.outward.notes.search;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param rrfK          the constant k of reciprocal-rank fusion, 1 / (k + rank): larger k flattens the lists'
 *                      tops (60, the usual value; 10 to 100 scored alike on the tuning queries, bench/notes-search.md)
 * @param minSimilarity the least cosine between the query and a note's best sentence for meaning alone to match
 *                      the note (settled on the tuning queries)
 * @param wordsWeight   what a rank in the word list is worth against the same rank in the meaning list (settled on
 *                      the tuning queries: 0.5 to 0.7 alike, 1 worse)
 * @param wordsFloor    the share of the best BM25 score a note needs for its word rank to count in the fusion
 *                      (settled on the tuning queries: 0.3 to 0.5 alike); notes below it still match, last
 * @param rebuildBatch  notes read (and embedded, when their vectors are missing) per batch while rebuilding: small,
 *                      so the embedding model, shared with themes, is never held long by the rebuild
 * @param readyTimeout  how long a search waits for the index rebuilt at start before answering 503
 */
@ConfigurationProperties("outward.search")
record SearchSettings(Double rrfK, Double minSimilarity, Double wordsWeight, Double wordsFloor,
        Integer rebuildBatch, Duration readyTimeout) {

    static final double DEFAULT_RRF_K = 60;
    static final double DEFAULT_MIN_SIMILARITY = 0.3;
    static final double DEFAULT_WORDS_WEIGHT = 0.7;
    static final double DEFAULT_WORDS_FLOOR = 0.4;

    SearchSettings {
        rrfK = rrfK == null ? DEFAULT_RRF_K : rrfK;
        minSimilarity = minSimilarity == null ? DEFAULT_MIN_SIMILARITY : minSimilarity;
        wordsWeight = wordsWeight == null ? DEFAULT_WORDS_WEIGHT : wordsWeight;
        wordsFloor = wordsFloor == null ? DEFAULT_WORDS_FLOOR : wordsFloor;
        rebuildBatch = rebuildBatch == null ? 50 : rebuildBatch;
        readyTimeout = readyTimeout == null ? Duration.ofSeconds(30) : readyTimeout;
    }

    NoteIndex.Ranking ranking() {
        return new NoteIndex.Ranking(rrfK, minSimilarity, wordsWeight, wordsFloor);
    }
}
