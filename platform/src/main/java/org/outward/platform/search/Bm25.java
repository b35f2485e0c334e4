package org.outward.platform.search;

/**
 * Okapi BM25, the word score of every search (Lucene's formula: idf {@code ln(1 + (N - df + 0.5) / (df + 0.5))},
 * term frequency saturated by {@code k1}, length normalised by {@code b}). Pure arithmetic: each service keeps
 * its own counts, of the documents its caller may read.
 *
 * @param k1 how fast repeats of a word stop adding (1.2: Lucene's default)
 * @param b  how much longer documents are discounted (0.75: Lucene's default)
 */
public record Bm25(double k1, double b) {

    public static final Bm25 STANDARD = new Bm25(1.2, 0.75);

    /** The weight of a term found in {@code documentsWithTerm} of {@code documents}. */
    public double idf(long documents, long documentsWithTerm) {
        return Math.log(1 + (documents - documentsWithTerm + 0.5) / (documentsWithTerm + 0.5));
    }

    /** One term's share of a document's score. */
    public double score(double idf, double termFrequency, double length, double averageLength) {
        if (termFrequency <= 0) {
            return 0;
        }
        double norm = k1 * (1 - b + b * (averageLength <= 0 ? 1 : length / averageLength));
        return idf * termFrequency * (k1 + 1) / (termFrequency + norm);
    }
}
