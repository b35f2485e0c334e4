package org.outward.notes.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.outward.notes.theme.EmbeddedNote;
import org.outward.notes.theme.NoteText;
import org.outward.notes.theme.SentenceEmbedder;
import org.outward.notes.theme.TestEmbedder;
import org.outward.notes.vector.PackedVectors;
import org.outward.notes.vector.SentenceVectorIndex;
import org.outward.platform.search.SearchAnalyzer;

/** The index without Spring: passages and their files, removal, and what a query may see. */
class NoteIndexTest {

    private static final SentenceEmbedder EMBEDDER = TestEmbedder.get();

    private static void put(NoteIndex index, NoteSource source) {
        EmbeddedNote embedded = EmbeddedNote.embed(source.text(), EMBEDDER);
        index.put(IndexedNote.of(source, embedded), embedded.vectors());
    }

    private static NoteSource note(String id, String cohort, boolean shared, String body,
            NoteSource.AttachmentText... attachments) {
        return new NoteSource(id, "lib-" + id, cohort, shared, "Title " + id, body, LocalDate.parse("2025-05-01"), 1,
                List.of(), List.of(), List.of(attachments));
    }

    private static List<String> ids(List<NoteIndex.Hit> hits) {
        return hits.stream().map(h -> h.note().id()).toList();
    }

    private static NoteIndex.Query query(String text, java.util.function.Predicate<IndexedNote> accept) {
        return new NoteIndex.Query(SearchAnalyzer.distinctTerms(text), EMBEDDER.embed(List.of(text)).get(0), accept,
                null, null, NoteIndex.Mode.FUSED);
    }

    @Test
    void passagesKnowTheirSectionAndTheFileTheyCameFrom() {
        NoteIndex index = new NoteIndex(EMBEDDER.dimensions(), new NoteIndex.Ranking(60, 0.3));
        put(index, note("a", "c1", true, "Concerns: the bus stops at six.\nActions: a later bus.",
                new NoteSource.AttachmentText("att-1", "survey.pdf", "Residents want later buses on Sundays."),
                new NoteSource.AttachmentText("att-2", "minutes.docx", "The council will study Sunday service.")));
        IndexedNote a = index.get("a");
        assertThat(a.passages()).extracting(IndexedNote.Passage::file)
                .containsExactly(null, null, "survey.pdf", "minutes.docx");
        assertThat(a.passages()).extracting(p -> p.section().wireName())
                .containsExactly("concerns", "actions", "actions", "other");
        assertThat(index.vectors("a").count()).isEqualTo(4);
    }

    @Test
    void attachmentNamesAreSearchedWordByWord() {
        NoteIndex index = new NoteIndex(EMBEDDER.dimensions(), new NoteIndex.Ranking(60, 0.3));
        put(index, note("a", "c1", true, "Concerns: the bus stops at six.",
                new NoteSource.AttachmentText("att-1", "board_minutes-2025.budget.pdf", "Nine members came.")));

        assertThat(index.get("a").terms()).containsKeys("board", "minut", "2025", "budget", "pdf");
        assertThat(ids(index.search(new NoteIndex.Query(List.of("budget"), null, n -> true, null, null,
                NoteIndex.Mode.WORDS)))).containsExactly("a");
    }

    @Test
    void queriesSeeOnlyAcceptedNotesAndRemovedNotesAreGone() {
        NoteIndex index = new NoteIndex(EMBEDDER.dimensions(), new NoteIndex.Ranking(60, 0.3));
        put(index, note("open", "c1", true, "Concerns: the daycare closed."));
        put(index, note("closed", "c1", false, "Concerns: the daycare closed and nobody can work."));
        put(index, note("elsewhere", "c2", true, "Concerns: the daycare waitlist is a year long."));

        assertThat(ids(index.search(query("daycare", n -> true)))).containsExactlyInAnyOrder("open", "closed",
                "elsewhere");
        assertThat(ids(index.search(query("daycare", IndexedNote::shared)))).containsExactlyInAnyOrder("open",
                "elsewhere");
        assertThat(ids(index.search(new NoteIndex.Query(List.of("daycar"), null, n -> true, null,
                java.util.Set.of("c2"), NoteIndex.Mode.WORDS)))).containsExactly("elsewhere");

        index.remove("open");
        assertThat(index.get("open")).isNull();
        assertThat(ids(index.search(query("daycare", n -> true)))).doesNotContain("open");
        assertThat(index.notes()).isEqualTo(2);
    }

    @Test
    void vectorIndexReplacesAndRemovesNotesAndScansOnlyAcceptedOnes() {
        SentenceVectorIndex vectors = new SentenceVectorIndex(2);
        vectors.put("a", PackedVectors.of(List.of(new float[] {1, 0}, new float[] {0, 1}), 2));
        vectors.put("b", PackedVectors.of(List.of(new float[] {0, 1}), 2));
        vectors.put("c", PackedVectors.of(List.of(new float[] {1, 0}), 2));
        vectors.put("a", PackedVectors.of(List.of(new float[] {1, 0}), 2));
        vectors.remove("b");
        assertThat(vectors.notes()).isEqualTo(2);
        assertThat(vectors.sentences()).isEqualTo(2);
        Map<String, float[]> seen = new java.util.TreeMap<>();
        vectors.scan(new float[] {1, 0}, id -> !id.equals("c"), seen::put);
        assertThat(seen).containsOnlyKeys("a");
        assertThat(seen.get("a")).containsExactly(1f);
        assertThat(vectors.vectors("b").count()).isZero();
        assertThat(vectors.vectorBytes()).isEqualTo(2 * 2 * Float.BYTES);
    }
}
