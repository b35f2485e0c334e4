package org.outward.notes.theme;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.bson.Document;
import org.bson.types.Binary;
import org.outward.notes.vector.PackedVectors;
import org.outward.notes.vector.VectorIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
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
 *
 * <p>What was read or embedded stays in memory too ({@link VectorIndex}, bounded, by note id under its version and
 * fingerprint): a scope recomputed after one new note reads nothing from MongoDB but that note's vectors, and
 * embeds only it. Several instances of the service may share the collection: an entry is used only for the very
 * note version and text it was computed from.
 */
@Component
public class StoredThemeVectors implements ThemeVectors {

    static final String COLLECTION = "theme_vectors";
    /** Goes up when {@link ThemeUnits} cuts notes differently, so stored units of older code are redone. */
    static final String UNITS_VERSION = "units-1";

    private static final Logger log = LoggerFactory.getLogger(StoredThemeVectors.class);

    private final MongoTemplate mongo;
    private final SentenceEmbedder embedder;
    private final VectorIndex<EmbeddedNote> index;

    @Autowired
    StoredThemeVectors(MongoTemplate mongo, SentenceEmbedder embedder, ThemeSettings settings) {
        this(mongo, embedder, new VectorIndex<>(settings.memory().vectorsMb() * 1024L * 1024L));
    }

    StoredThemeVectors(MongoTemplate mongo, SentenceEmbedder embedder, VectorIndex<EmbeddedNote> index) {
        this.mongo = mongo;
        this.embedder = embedder;
        this.index = index;
        // Non-unique: mongo-java-server accepts and ignores it; on MongoDB it serves the reads by note.
        mongo.indexOps(COLLECTION).createIndex(new Index().on("noteId", Sort.Direction.ASC));
    }

    @Override
    public List<EmbeddedNote> of(List<NoteText> notes) {
        return of(notes, unread -> Criteria.where("noteId").in(unread));
    }

    /**
     * As {@link #of}, for a page of notes by id (every live note whose id lies between the first's and the last's,
     * as the search index reads them when it is rebuilt): their stored vectors are read as one range of note ids
     * instead of a list of them. MongoDB serves both from the {@code noteId} index, but mongo-java-server compares
     * every stored vector with every id of an {@code $in} list, which made a rebuild of 10,000 notes take minutes.
     * What the range holds besides these notes (vectors of a note deleted meanwhile) is left out.
     */
    public List<EmbeddedNote> ofPage(List<NoteText> notesById) {
        return of(notesById, unread -> Criteria.where("noteId").gte(Collections.min(unread))
                .lte(Collections.max(unread)));
    }

    private List<EmbeddedNote> of(List<NoteText> notes, Function<List<String>, Criteria> stored) {
        List<EmbeddedNote> out = new ArrayList<>(notes.size());
        List<String> versions = new ArrayList<>(notes.size());
        List<String> unread = new ArrayList<>();
        for (NoteText note : notes) {
            String version = note.version() + ":" + fingerprint(note);
            versions.add(version);
            EmbeddedNote kept = index.get(note.id(), version).map(e -> e.of(note)).orElse(null);
            out.add(kept);
            if (kept == null) {
                unread.add(note.id());
            }
        }
        if (unread.isEmpty()) {
            return out;
        }
        Map<String, List<Document>> documents = new HashMap<>();
        Set<String> wanted = new HashSet<>(unread);
        for (Document d : mongo.find(Query.query(stored.apply(unread)), Document.class, COLLECTION)) {
            if (wanted.contains(d.getString("noteId"))) {
                documents.computeIfAbsent(d.getString("noteId"), k -> new ArrayList<>()).add(d);
            }
        }
        List<NoteText> missing = new ArrayList<>();
        for (int i = 0; i < notes.size(); i++) {
            if (out.get(i) != null) {
                continue;
            }
            NoteText note = notes.get(i);
            String fingerprint = fingerprint(note);
            List<Document> current = documents.getOrDefault(note.id(), List.of()).stream()
                    .filter(d -> d.get("version", Number.class).longValue() == note.version()
                            && fingerprint.equals(d.getString("fingerprint")))
                    .sorted(Comparator.comparingInt(d -> d.getInteger("index"))).toList();
            if (current.isEmpty()) {
                missing.add(note);
            } else {
                EmbeddedNote read = fromDocuments(note, current);
                index.put(note.id(), versions.get(i), read);
                out.set(i, read);
            }
        }
        if (!missing.isEmpty()) {
            Map<String, EmbeddedNote> embedded = embed(missing);
            for (int i = 0; i < notes.size(); i++) {
                if (out.get(i) == null) {
                    EmbeddedNote fresh = embedded.get(notes.get(i).id());
                    index.put(fresh.note().id(), versions.get(i), fresh);
                    out.set(i, fresh);
                }
            }
        }
        return out;
    }

    /** Removes every vector of a note (all versions). */
    public void delete(String noteId) {
        index.remove(noteId);
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
            EmbeddedNote embedded = new EmbeddedNote(note, units.get(n),
                    PackedVectors.of(own, embedder.dimensions()));
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
                    .append("vector", new Binary(note.vectors().toBytes(i)));
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
            vectors.add(PackedVectors.fromBytes(d.get("vector", Binary.class).getData()));
        }
        return new EmbeddedNote(note, units, PackedVectors.of(vectors, vectors.get(0).length));
    }

    private static String fingerprint(NoteText note) {
        return UNITS_VERSION + ":" + note.fingerprint();
    }
}
