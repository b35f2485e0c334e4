package org.outward.notes.search;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param rrfK          the constant k of reciprocal-rank fusion, 1 / (k + rank): larger k flattens the lists'
 *                      tops (60, the usual value; 10 to 100 scored alike on the tuning queries, bench/notes-search.md)
 * @param minSimilarity the least cosine between the query and a note's best sentence for meaning alone to match
 *                      the note (settled on the tuning queries)
 * @param rebuildBatch  notes read (and embedded, when their vectors are missing) per batch while rebuilding: small,
 *                      so the embedding model, shared with themes, is never held long by the rebuild
 * @param readyTimeout  how long a search waits for the index rebuilt at start before answering 503
 */
@ConfigurationProperties("outward.search")
record SearchSettings(Double rrfK, Double minSimilarity, Integer rebuildBatch, Duration readyTimeout) {

    static final double DEFAULT_RRF_K = 60;
    static final double DEFAULT_MIN_SIMILARITY = 0.3;

    SearchSettings {
        rrfK = rrfK == null ? DEFAULT_RRF_K : rrfK;
        minSimilarity = minSimilarity == null ? DEFAULT_MIN_SIMILARITY : minSimilarity;
        rebuildBatch = rebuildBatch == null ? 50 : rebuildBatch;
        readyTimeout = readyTimeout == null ? Duration.ofSeconds(30) : readyTimeout;
    }

    NoteIndex.Ranking ranking() {
        return new NoteIndex.Ranking(rrfK, minSimilarity);
    }
}
