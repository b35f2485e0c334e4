package org.outward.notes.theme;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.outward.notes.theme.eval.EvaluationSet;
import org.outward.notes.vector.SimilarityCache;

/** The semantic engine on the real model (loaded once per test JVM) and small hand-made notes. */
class ThemeEngineTest {

    private static final EvaluationSet SET = EvaluationSet.load();
    private final ThemeEngine engine = new ThemeEngine(ThemeSettings.defaults(), MemoryThemeVectors.shared());

    private static NoteText note(String id, String library, String body) {
        return new NoteText(id, library, "Note " + id, LocalDate.parse("2025-03-01"), 1, body, List.of());
    }

    private static List<List<NoteText>> scopes() {
        List<List<NoteText>> scopes = new ArrayList<>();
        for (String cohort : List.of("riverbend", "prairie", "harbor", "lakeshore", "mesa", "pines")) {
            scopes.add(EvaluationSet.noteTexts(SET.sharedInCohort(cohort)));
        }
        scopes.add(Corpus.load().stream().map(Corpus.Entry::noteText).toList());
        return scopes;
    }

    @Test
    void theSameNotesInAnyOrderGiveIdenticalThemes() {
        for (List<NoteText> notes : scopes()) {
            List<Theme> expected = engine.themes(notes);
            assertThat(expected).isNotEmpty();
            for (long seed = 1; seed <= 3; seed++) {
                List<NoteText> shuffled = new ArrayList<>(notes);
                Collections.shuffle(shuffled, new Random(seed));
                assertThat(engine.themes(shuffled)).as("seed %d", seed).isEqualTo(expected);
            }
        }
    }

    @Test
    void aScopeRecomputedAsNotesArriveEditedAndDeletedGivesWhatAFullRecomputeGives() {
        ThemeEngine keeping = new ThemeEngine(ThemeSettings.defaults(), MemoryThemeVectors.shared(),
                new SimilarityCache(64L << 20));
        List<NoteText> all = scopes().get(scopes().size() - 1);
        List<NoteText> current = new ArrayList<>(all.subList(0, all.size() / 2));
        keeping.themes("scope", current);
        for (NoteText next : all.subList(all.size() / 2, all.size())) {
            current.add(next);
            // A new note, arriving in any position of the sorted order, the rest of the matrix kept.
            assertThat(keeping.themes("scope", current)).as("after %s", next.id()).isEqualTo(engine.themes(current));
        }
        NoteText edited = current.get(3);
        current.set(3, new NoteText(edited.id(), edited.libraryId(), edited.title(), edited.conversationDate(),
                edited.version() + 1, edited.body() + "\nConcerns: The last bus leaves at six.", List.of()));
        current.remove(7);
        Collections.shuffle(current, new Random(9));
        assertThat(keeping.themes("scope", current)).isEqualTo(engine.themes(current));
    }

    @Test
    void sentencesSayingTheSameInDifferentWordsMakeOneTheme() {
        List<NoteText> notes = List.of(
                note("a", "lib-1", "Concerns: Rents went up by a third this year."),
                note("b", "lib-2", "Concerns: Housing costs push out longtime residents."),
                note("c", "lib-3", "Concerns: Nobody who works here can afford the rent anymore."),
                note("d", "lib-1", "Concerns: The knitting circle needs a bigger table."));

        List<Theme> themes = engine.themes(notes);

        assertThat(themes).singleElement().satisfies(theme -> {
            assertThat(theme.noteIds()).containsExactly("a", "b", "c");
            assertThat(theme.libraryCount()).isEqualTo(3);
            assertThat(theme.sections()).containsExactly("concerns");
        });
    }

    @Test
    void aThemeNeedsSentencesFromTwoNotes() {
        NoteText loud = note("a", "lib-1", """
                Concerns: The bus stops running at six. The last bus leaves far too early.
                Buses end before the evening shift is over. Nobody can get home by bus at night.""");
        NoteText other = note("b", "lib-1", "Concerns: The knitting circle needs a bigger table.");

        assertThat(engine.themes(List.of(loud, other))).isEmpty();
    }

    @Test
    void theCohesionGuardStopsAPairOfUnrelatedSentences() {
        NoteText a = note("a", "lib-1", "Concerns: The swings in the park are broken.");
        NoteText b = note("b", "lib-2", "Concerns: Nobody translates the school forms.");
        assertThat(engine.themes(List.of(a, b))).isEmpty();

        NoteText c = note("c", "lib-2", "Concerns: The playground swings are broken and nobody fixes them.");
        assertThat(engine.themes(List.of(a, b, c))).singleElement()
                .satisfies(t -> assertThat(t.noteIds()).containsExactly("a", "c"));
    }

    @Test
    void aProblemAndTheActionProposedForItAreOneTheme() {
        List<NoteText> notes = List.of(
                note("a", "lib-1", "Concerns:\nThe last bus leaves at six, before the second shift ends.\n\n"
                        + "What needs to happen:\nRun a late bus that matches the shift change."),
                note("b", "lib-2", "Concerns:\nWorkers on the night shift have no bus home.\n\n"
                        + "Next steps:\nAsk the transit authority for evening bus service."),
                note("c", "lib-3", "Concerns:\nEvening buses stop before the plant closes.\n\n"
                        + "Actions:\nAdd one more evening bus run."));

        List<Theme> themes = engine.themes(notes);

        assertThat(themes).singleElement().satisfies(theme -> {
            assertThat(theme.noteIds()).containsExactly("a", "b", "c");
            assertThat(theme.sections()).containsExactlyInAnyOrder("concerns", "actions");
            assertThat(theme.sentenceCount()).isEqualTo(6);
        });
    }

    @Test
    void labelsReadLikeAnAnalystsAndNeverHaveAGenericHead() {
        for (List<NoteText> notes : scopes()) {
            for (Theme theme : engine.themes(notes)) {
                assertThat(theme.terms()).isNotEmpty().hasSizeLessThanOrEqualTo(2);
                assertThat(theme.label()).isEqualTo(String.join(" / ", theme.terms()));
                for (String term : theme.terms()) {
                    String[] words = term.split("[ -]");
                    String head = words[words.length - 1];
                    assertThat(ThemeLabels.GENERIC_HEADS).as(theme.label()).doesNotContain(head);
                    assertThat(SET.genericWords()).as(theme.label()).doesNotContain(head);
                }
                assertThat(theme.key()).isEqualTo(theme.key().toLowerCase());
            }
        }
    }

    @Test
    void evidenceIsOneSentencePerNoteOtherLibrariesFirstEachLinkingToItsNote() {
        for (List<NoteText> notes : scopes()) {
            for (Theme theme : engine.themes(notes)) {
                List<String> evidenceNotes = theme.evidence().stream().map(Evidence::noteId).toList();
                assertThat(evidenceNotes).doesNotHaveDuplicates().isSubsetOf(theme.noteIds());
                assertThat(evidenceNotes).hasSize(Math.min(theme.noteCount(), 20));
                Set<String> firstLibraries = theme.evidence().stream().limit(theme.libraryCount())
                        .map(Evidence::libraryId).collect(Collectors.toSet());
                assertThat(firstLibraries).as(theme.label()).hasSize(theme.libraryCount());
                assertThat(theme.evidence()).allSatisfy(e -> assertThat(e.link()).isEqualTo("/api/notes/" + e.noteId()));
            }
        }
    }

    @Test
    void whichSectionsFeedThemesIsConfigurable() {
        List<NoteText> notes = List.of(
                note("a", "lib-1", "Aspirations: a riverfront trail where families can walk in the evening."),
                note("b", "lib-2", "Aspirations: families walking together on a trail along the river."));

        assertThat(engine.themes(notes)).isEmpty();
        ThemeEngine withAspirations = new ThemeEngine(ThemeSettings.defaults()
                .withSections(List.of("aspirations", "concerns", "actions")), MemoryThemeVectors.shared());
        assertThat(withAspirations.themes(notes)).singleElement()
                .satisfies(t -> assertThat(t.sections()).containsExactly("aspirations"));
    }

    @Test
    void themesAreRankedByNotesThenLibrariesWithWeightsRelativeToTheFirst() {
        List<Theme> themes = engine.themes(EvaluationSet.noteTexts(SET.sharedInCohort("riverbend")));

        assertThat(themes).isSortedAccordingTo((x, y) -> y.noteCount() != x.noteCount()
                ? Integer.compare(y.noteCount(), x.noteCount()) : Integer.compare(y.libraryCount(), x.libraryCount()));
        assertThat(themes.get(0).weight()).isEqualTo(1.0);
        assertThat(themes).allSatisfy(t -> assertThat(t.weight()).isBetween(0.0, 1.0));
    }
}
