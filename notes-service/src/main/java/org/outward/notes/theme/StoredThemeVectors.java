package org.outward.notes.theme;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.Binary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Sentence vectors in the {@code theme_vectors} collection: one document per unit, keyed
 * {@code <noteId>:<version>:<index>}, with the note's text fingerprint (a retried attachment extraction changes the
 * text without a new version) and the unit's section, sentence, content and vector (384 float32, little-endian,
 * as binary: 1.5 kB a sentence).
 *
 * <p>A note version is embedded once: themes are recomputed from what is stored; an edited note (new version or
 * fingerprint) is re-embedded alone and its old vectors removed; a deleted note's vectors are removed
 * ({@link ThemeListener}).
 */
@Component
public class StoredThemeVectors implements ThemeVectors {

    static final String COLLECTION = "theme_vectors";
    /** Goes up when {@link ThemeUnits} cuts notes differently, so stored units of older code are redone. */
    static final String UNITS_VERSION = "units-1";

    private static final Logger log = LoggerFactory.getLogger(StoredThemeVectors.class);

    private final MongoTemplate mongo;
    private final SentenceEmbedder embedder;

    StoredThemeVectors(MongoTemplate mongo, SentenceEmbedder embedder) {
        this.mongo = mongo;
        this.embedder = embedder;
        // Non-unique: mongo-java-server accepts and ignores it; on MongoDB it serves the reads by note.
        mongo.indexOps(COLLECTION).createIndex(new Index().on("noteId", Sort.Direction.ASC));
    }

    @Override
    public List<EmbeddedNote> of(List<NoteText> notes) {
        Map<String, List<Document>> stored = new HashMap<>();
        if (!notes.isEmpty()) {
            Query query = Query.query(Criteria.where("noteId").in(notes.stream().map(NoteText::id).toList()));
            for (Document d : mongo.find(query, Document.class, COLLECTION)) {
                stored.computeIfAbsent(d.getString("noteId"), k -> new ArrayList<>()).add(d);
            }
        }
        List<EmbeddedNote> out = new ArrayList<>(notes.size());
        List<NoteText> missing = new ArrayList<>();
        for (NoteText note : notes) {
            String fingerprint = fingerprint(note);
            List<Document> current = stored.getOrDefault(note.id(), List.of()).stream()
                    .filter(d -> d.get("version", Number.class).longValue() == note.version()
                            && fingerprint.equals(d.getString("fingerprint")))
                    .sorted(Comparator.comparingInt(d -> d.getInteger("index"))).toList();
            if (current.isEmpty()) {
                missing.add(note);
                out.add(null);
            } else {
                out.add(fromDocuments(note, current));
            }
        }
        if (!missing.isEmpty()) {
            Map<String, EmbeddedNote> embedded = embed(missing);
            for (int i = 0; i < notes.size(); i++) {
                if (out.get(i) == null) {
                    out.set(i, embedded.get(notes.get(i).id()));
                }
            }
        }
        return out;
    }

    /** Removes every vector of a note (all versions). */
    public void delete(String noteId) {
        mongo.remove(Query.query(Criteria.where("noteId").is(noteId)), COLLECTION);
    }

    /** How many sentence vectors a note has stored (all versions): for tests and checks. */
    long count(String noteId) {
        return mongo.count(Query.query(Criteria.where("noteId").is(noteId)), COLLECTION);
    }

    private Map<String, EmbeddedNote> embed(List<NoteText> notes) {
        long start = System.nanoTime();
        List<List<ThemeUnits.Unit>> units = notes.stream().map(ThemeUnits::of).toList();
        // One call for all of them: the model embeds a batch in parallel.
        List<float[]> vectors = embedder.embed(units.stream().flatMap(List::stream).map(ThemeUnits.Unit::content)
                .toList());
        Map<String, EmbeddedNote> out = new HashMap<>();
        int offset = 0;
        int sentences = 0;
        for (int n = 0; n < notes.size(); n++) {
            NoteText note = notes.get(n);
            List<float[]> own = vectors.subList(offset, offset + units.get(n).size());
            offset += own.size();
            sentences += own.size();
            EmbeddedNote embedded = new EmbeddedNote(note, units.get(n), List.copyOf(own));
            store(embedded);
            out.put(note.id(), embedded);
        }
        log.info("sentences embedded notes={} sentences={} ms={}", notes.size(), sentences,
                (System.nanoTime() - start) / 1_000_000);
        return out;
    }

    /** Upserts the note's units (idempotent if two recomputations embed it at once), then drops older versions. */
    private void store(EmbeddedNote note) {
        String fingerprint = fingerprint(note.note());
        List<String> ids = new ArrayList<>();
        var collection = mongo.getCollection(COLLECTION);
        for (int i = 0; i < note.units().size(); i++) {
            ThemeUnits.Unit unit = note.units().get(i);
            String id = note.note().id() + ":" + note.note().version() + ":" + unit.index();
            ids.add(id);
            Document document = new Document("_id", id)
                    .append("noteId", note.note().id())
                    .append("version", note.note().version())
                    .append("fingerprint", fingerprint)
                    .append("index", unit.index())
                    .append("section", unit.section().wireName())
                    .append("text", unit.text())
                    .append("content", unit.content())
                    .append("vector", new Binary(toBytes(note.vectors().get(i))));
            collection.replaceOne(Filters.eq("_id", id), document, new ReplaceOptions().upsert(true));
        }
        mongo.remove(Query.query(Criteria.where("noteId").is(note.note().id()).and("_id").nin(ids)), COLLECTION);
    }

    private static EmbeddedNote fromDocuments(NoteText note, List<Document> documents) {
        List<ThemeUnits.Unit> units = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        for (Document d : documents) {
            units.add(new ThemeUnits.Unit(d.getInteger("index"), Section.ofWireName(d.getString("section")),
                    d.getString("text"), d.getString("content")));
            vectors.add(fromBytes(d.get("vector", Binary.class).getData()));
        }
        return new EmbeddedNote(note, units, vectors);
    }

    private static String fingerprint(NoteText note) {
        return UNITS_VERSION + ":" + note.fingerprint();
    }

    static byte[] toBytes(float[] vector) {
        ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(vector);
        return buffer.array();
    }

    static float[] fromBytes(byte[] bytes) {
        float[] vector = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
        return vector;
    }
}
