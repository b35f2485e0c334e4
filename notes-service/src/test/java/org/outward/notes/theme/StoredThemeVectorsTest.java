package org.outward.notes.theme;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.outward.notes.vector.VectorIndex;
import org.outward.platform.test.TestMongo;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** Sentence vectors in MongoDB (the wire server over TCP, the real driver), with the real model. */
class StoredThemeVectorsTest {

    private final String uri = TestMongo.uniqueUri();
    private final MongoClient client = MongoClients.create(uri);
    private final MongoTemplate mongo = new MongoTemplate(client, uri.substring(uri.lastIndexOf('/') + 1));
    private final CountingEmbedder embedder = new CountingEmbedder(TestEmbedder.get());
    private final VectorIndex<EmbeddedNote> index = new VectorIndex<>(1 << 20);
    private final StoredThemeVectors vectors = new StoredThemeVectors(mongo, embedder, index);

    @AfterEach
    void close() {
        client.close();
    }

    private static NoteText note(String id, long version, String body, String... attachments) {
        return new NoteText(id, "lib-1", "Note " + id, LocalDate.parse("2025-03-01"), version, body,
                List.of(attachments));
    }

    private long stored(String noteId) {
        return mongo.count(Query.query(Criteria.where("noteId").is(noteId)), StoredThemeVectors.COLLECTION);
    }

    @Test
    void aNoteVersionIsEmbeddedOnceAndThemesAreRecomputedFromWhatIsStored() {
        NoteText a = note("a", 1, "Concerns: Rents went up by a third. The last bus leaves at six.");
        NoteText b = note("b", 1, "Concerns: Housing costs push out longtime residents.");

        List<EmbeddedNote> first = vectors.of(List.of(a, b));
        assertThat(embedder.sentences.get()).isEqualTo(3);
        List<EmbeddedNote> again = vectors.of(List.of(b, a));

        assertThat(embedder.sentences.get()).isEqualTo(3); // nothing embedded the second time
        assertThat(again.get(1).units()).isEqualTo(first.get(0).units());
        assertThat(again.get(1).vectors().row(1)).containsExactly(first.get(0).vectors().row(1));
        Document unit = mongo.findById("a:1:1", Document.class, StoredThemeVectors.COLLECTION);
        assertThat(unit).isNotNull();
        assertThat(unit.getString("text")).isEqualTo("The last bus leaves at six.");
        assertThat(unit.getString("section")).isEqualTo("concerns");
        assertThat(stored("a")).isEqualTo(2);
        // The engine over stored vectors gives what it gives over freshly embedded ones.
        ThemeEngine stored = new ThemeEngine(ThemeSettings.defaults(), vectors);
        ThemeEngine fresh = new ThemeEngine(ThemeSettings.defaults(), MemoryThemeVectors.shared());
        assertThat(stored.themes(List.of(a, b))).isEqualTo(fresh.themes(List.of(a, b)));
    }

    @Test
    void anotherInstanceOrARestartReadsTheStoredVectorsOnceAndThenKeepsThemInMemory() {
        NoteText a = note("a", 1, "Concerns: Rents went up by a third. The last bus leaves at six.");
        List<EmbeddedNote> embedded = vectors.of(List.of(a));
        embedder.sentences.set(0);
        VectorIndex<EmbeddedNote> empty = new VectorIndex<>(1 << 20);
        StoredThemeVectors restarted = new StoredThemeVectors(mongo, embedder, empty);

        List<EmbeddedNote> read = restarted.of(List.of(a));
        mongo.remove(Query.query(Criteria.where("noteId").is("a")), StoredThemeVectors.COLLECTION);
        List<EmbeddedNote> kept = restarted.of(List.of(a));

        assertThat(embedder.sentences.get()).isZero(); // read from MongoDB, then from memory: never embedded again
        assertThat(read.get(0).units()).isEqualTo(embedded.get(0).units());
        assertThat(read.get(0).vectors().row(0)).containsExactly(embedded.get(0).vectors().row(0));
        assertThat(kept.get(0).vectors().row(1)).containsExactly(embedded.get(0).vectors().row(1));
        assertThat(kept.get(0).terms()).isEqualTo(embedded.get(0).terms());
        assertThat(empty.size()).isEqualTo(1);
    }

    @Test
    void aPageOfNotesByIdReadsItsStoredVectorsAsOneRangeAndLeavesOutOtherNotesInIt() {
        NoteText a = note("a", 1, "Concerns: Rents went up by a third. The last bus leaves at six.");
        NoteText b = note("b", 1, "Concerns: Housing costs push out longtime residents.");
        NoteText c = note("c", 1, "Concerns: The clinic has no interpreter.");
        List<EmbeddedNote> embedded = vectors.of(List.of(a, b, c));
        embedder.sentences.set(0);
        StoredThemeVectors restarted = new StoredThemeVectors(mongo, embedder, new VectorIndex<>(1 << 20));

        // b lies between a and c but is not on the page (deleted meanwhile); d has nothing stored yet.
        NoteText d = note("d", 1, "Concerns: Teenagers have nowhere to go.");
        List<EmbeddedNote> page = restarted.ofPage(List.of(a, c, d));

        assertThat(page).extracting(e -> e.note().id()).containsExactly("a", "c", "d");
        assertThat(page.get(0).vectors().row(1)).containsExactly(embedded.get(0).vectors().row(1));
        assertThat(page.get(1).units()).isEqualTo(embedded.get(2).units());
        assertThat(embedder.sentences.get()).isEqualTo(1); // d only
        assertThat(stored("d")).isEqualTo(1);
    }

    @Test
    void theNoteAsReadNowComesWithTheVectorsKeptInMemory() {
        vectors.of(List.of(note("a", 1, "Concerns: Rents went up by a third.")));
        NoteText retitled = new NoteText("a", "lib-2", "New title", LocalDate.parse("2025-03-02"), 1,
                "Concerns: Rents went up by a third.", List.of());

        EmbeddedNote kept = vectors.of(List.of(retitled)).get(0);

        assertThat(kept.note()).isEqualTo(retitled);
        assertThat(embedder.sentences.get()).isEqualTo(1);
    }

    @Test
    void anEditReEmbedsOnlyThatNoteAndDropsItsOldVersion() {
        NoteText a = note("a", 1, "Concerns: Rents went up by a third.");
        NoteText b = note("b", 1, "Concerns: Housing costs push out longtime residents.");
        vectors.of(List.of(a, b));
        embedder.sentences.set(0);

        NoteText edited = note("a", 2, "Concerns: Rents went up by a third. Evictions doubled.");
        vectors.of(List.of(edited, b));

        assertThat(embedder.sentences.get()).isEqualTo(2); // a's two sentences, not b's
        assertThat(mongo.findById("a:1:0", Document.class, StoredThemeVectors.COLLECTION)).isNull();
        assertThat(stored("a")).isEqualTo(2);
        assertThat(stored("b")).isEqualTo(1);
    }

    @Test
    void textExtractedLaterWithoutANewVersionIsEmbeddedToo() {
        vectors.of(List.of(note("a", 1, "Concerns: Rents went up by a third.")));
        embedder.sentences.set(0);

        List<EmbeddedNote> withAttachment = vectors.of(List.of(note("a", 1, "Concerns: Rents went up by a third.",
                "The minutes say the bus leaves at six.")));

        assertThat(embedder.sentences.get()).isEqualTo(2);
        assertThat(withAttachment.get(0).units()).extracting(ThemeUnits.Unit::text)
                .containsExactly("Rents went up by a third.", "The minutes say the bus leaves at six.");
    }

    @Test
    void deletingANoteRemovesItsVectors() {
        vectors.of(List.of(note("a", 1, "Concerns: Rents went up by a third."),
                note("b", 1, "Concerns: Housing costs push out longtime residents.")));

        vectors.delete("a");

        assertThat(stored("a")).isZero();
        assertThat(stored("b")).isEqualTo(1);
        assertThat(index.size()).isEqualTo(1); // gone from memory too
    }


    /** Counts what reaches the model. */
    static final class CountingEmbedder implements SentenceEmbedder {
        final AtomicInteger sentences = new AtomicInteger();
        private final SentenceEmbedder delegate;

        CountingEmbedder(SentenceEmbedder delegate) {
            this.delegate = delegate;
        }

        @Override
        public List<float[]> embed(List<String> texts) {
            sentences.addAndGet(texts.size());
            return delegate.embed(texts);
        }

        @Override
        public int dimensions() {
            return delegate.dimensions();
        }
    }
}
