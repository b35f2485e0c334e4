package org.outward.notes.theme;

import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.types.Binary;
import org.outward.notes.vector.VectorIndex;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Stored vectors for benchmarks: the package's constructors, and a bulk load of many notes' vectors. */
public final class StoredThemeVectorsForBench {

    private StoredThemeVectorsForBench() {
    }

    /** @param memoryBytes what the themes keep in memory besides MongoDB (0: every read goes to the database) */
    public static StoredThemeVectors create(MongoTemplate mongo, SentenceEmbedder embedder, long memoryBytes) {
        return new StoredThemeVectors(mongo, embedder, new VectorIndex<>(memoryBytes));
    }

    /**
     * Inserts the notes' sentence vectors in bulk, in the documents {@code StoredThemeVectors} writes one upsert at a
     * time (tens of thousands of upserts, each followed by a removal that scans the collection on mongo-java-server,
     * would take the benchmark an hour to set up).
     */
    public static void insertAll(MongoTemplate mongo, List<EmbeddedNote> notes) {
        List<Document> documents = new ArrayList<>();
        for (EmbeddedNote note : notes) {
            String fingerprint = StoredThemeVectors.UNITS_VERSION + ":" + note.note().fingerprint();
            for (int i = 0; i < note.units().size(); i++) {
                ThemeUnits.Unit unit = note.units().get(i);
                documents.add(new Document("_id", note.note().id() + ":" + note.note().version() + ":" + unit.index())
                        .append("noteId", note.note().id())
                        .append("version", note.note().version())
                        .append("fingerprint", fingerprint)
                        .append("index", unit.index())
                        .append("section", unit.section().wireName())
                        .append("text", unit.text())
                        .append("content", unit.content())
                        .append("vector", new Binary(note.vectors().toBytes(i))));
            }
        }
        for (int from = 0; from < documents.size(); from += 5_000) {
            mongo.getCollection(StoredThemeVectors.COLLECTION)
                    .insertMany(documents.subList(from, Math.min(from + 5_000, documents.size())));
        }
    }
}
