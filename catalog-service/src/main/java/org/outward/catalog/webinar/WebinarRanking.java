package org.outward.catalog.webinar;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.outward.platform.search.Bm25;
import org.outward.platform.search.SearchAnalyzer;

/**
 * Orders the webinars a search matched by their word score: BM25 over the same stems as note search, with a
 * title match worth twice a match in the summary, topics or resource titles. Document frequencies are counted by
 * the caller over every webinar the caller may list (not only the matches), so a word common in the catalog
 * weighs little. Equal scores keep the catalog order (series position, title, id).
 *
 * <p>Words only, no sentence embeddings: the catalog holds a few dozen webinars whose titles and summaries are
 * written with the words people search for, while the embedding model would add about 136 MB of jars and 200 MB
 * of memory to this service (it may not ask notes-service, which has the model: services talk only through
 * events).
 */
final class WebinarRanking {

    static final double TITLE_WEIGHT = 2;

    /** The counts of the searchable webinars: how many, and how many hold each query term. */
    record Statistics(long documents, Map<String, Long> documentsWithTerm) {
    }

    private WebinarRanking() {
    }

    static List<Document> rank(List<Document> matches, List<String> terms, Statistics statistics) {
        List<List<String>> titles = new ArrayList<>();
        List<List<String>> bodies = new ArrayList<>();
        double titleLength = 0;
        double bodyLength = 0;
        for (Document webinar : matches) {
            List<String> title = SearchAnalyzer.terms(webinar.getString(WebinarDocuments.TITLE));
            List<String> body = SearchAnalyzer.terms(String.join("\n", WebinarDocuments.bodyTexts(webinar)));
            titles.add(title);
            bodies.add(body);
            titleLength += title.size();
            bodyLength += body.size();
        }
        double averageTitle = matches.isEmpty() ? 1 : titleLength / matches.size();
        double averageBody = matches.isEmpty() ? 1 : bodyLength / matches.size();
        Map<Document, Double> scores = new HashMap<>();
        for (int i = 0; i < matches.size(); i++) {
            double score = 0;
            for (String term : terms) {
                double idf = Bm25.STANDARD.idf(statistics.documents(),
                        statistics.documentsWithTerm().getOrDefault(term, 0L));
                score += TITLE_WEIGHT * Bm25.STANDARD.score(idf, frequency(titles.get(i), term), titles.get(i).size(),
                        averageTitle);
                score += Bm25.STANDARD.score(idf, frequency(bodies.get(i), term), bodies.get(i).size(), averageBody);
            }
            scores.put(matches.get(i), score);
        }
        List<Document> ranked = new ArrayList<>(matches);
        // matches come in catalog order; a stable sort keeps it among equal scores.
        ranked.sort(Comparator.comparingDouble(scores::get).reversed());
        return ranked;
    }

    private static int frequency(List<String> words, String term) {
        int count = 0;
        for (String word : words) {
            if (word.equals(term)) {
                count++;
            }
        }
        return count;
    }
}
