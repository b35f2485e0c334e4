package org.outward.notes.theme;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The themes of the fixture corpus (32 notes, five topics, four libraries) against what a reader would file. */
class ThemeEngineTest {

    private static final List<Corpus.Entry> CORPUS = Corpus.load();
    private static final Map<String, Corpus.Entry> BY_NAME =
            CORPUS.stream().collect(Collectors.toMap(Corpus.Entry::name, Function.identity()));
    private final TermCountingEngine engine = new TermCountingEngine(10, 50);

    private static List<NoteText> notes(List<Corpus.Entry> entries) {
        return entries.stream().map(Corpus.Entry::noteText).toList();
    }

    private static Theme theme(List<Theme> themes, String key) {
        return themes.stream().filter(t -> t.key().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no theme " + key + " in " + themes.stream().map(Theme::key)
                        .toList()));
    }

    private static Set<String> topicsOf(Theme theme) {
        return theme.noteIds().stream().map(id -> BY_NAME.get(id).topic()).collect(Collectors.toSet());
    }

    @Test
    void theCorpusIsLargeEnoughAndCoversSeveralTopics() {
        assertThat(CORPUS).hasSizeGreaterThanOrEqualTo(30);
        assertThat(CORPUS.stream().map(Corpus.Entry::topic).distinct()).contains("transit", "youth", "housing",
                "hours", "food", "misc");
    }

    @Test
    void theFourTopicsComeOutOnTopWithTheirPhrasesAsLabels() {
        List<Theme> themes = engine.themes(notes(CORPUS));

        assertThat(themes).hasSize(10);
        assertThat(themes.subList(0, 4)).extracting(Theme::label)
                .containsExactlyInAnyOrder("library hours", "youth programs", "affordable housing", "bus");
        assertThat(themes.get(0).weight()).isEqualTo(1.0);
        assertThat(themes).isSortedAccordingTo((a, b) -> Double.compare(b.weight(), a.weight()));
        assertThat(themes).allSatisfy(t -> assertThat(t.weight()).isBetween(0.0, 1.0));
    }

    @Test
    void everyTopicThemeIsMadeOfItsTopicsNotesOnlyWithSentencesThatSayIt() {
        List<Theme> themes = engine.themes(notes(CORPUS));

        Theme hours = theme(themes, "librari hour");
        assertThat(topicsOf(hours)).containsExactly("hours");
        assertThat(hours.noteIds()).containsExactlyInAnyOrder("hours-01", "hours-02", "hours-03", "hours-04",
                "hours-05", "hours-06");
        assertThat(hours.libraryCount()).isEqualTo(4);
        assertThat(hours.evidence()).allSatisfy(e -> assertThat(e.sentence()).containsIgnoringCase("library hours"));

        Theme youth = theme(themes, "youth program");
        assertThat(topicsOf(youth)).containsExactly("youth");
        assertThat(youth.noteCount()).isEqualTo(6);
        assertThat(youth.evidence()).allSatisfy(e -> assertThat(e.sentence()).containsIgnoringCase("youth program"));

        Theme housing = theme(themes, "afford hous");
        assertThat(topicsOf(housing)).containsExactly("housing");
        assertThat(housing.sections()).first().isEqualTo("concerns");
        assertThat(housing.evidence()).allSatisfy(e ->
                assertThat(e.sentence()).containsIgnoringCase("affordable housing"));
        // Evidence names its note, library, date and section, and follows the newest conversation first.
        assertThat(housing.evidence()).first().satisfies(e -> {
            assertThat(e.noteId()).isEqualTo("housing-07");
            assertThat(e.libraryId()).isEqualTo("lib-west");
            assertThat(e.conversationDate()).isEqualTo(LocalDate.parse("2025-06-12"));
            assertThat(e.section()).isEqualTo("other");
            assertThat(e.sentence()).startsWith("Homeowners worried about property values");
        });

        Theme bus = theme(themes, "bu");
        assertThat(bus.noteIds()).filteredOn(id -> BY_NAME.get(id).topic().equals("transit")).hasSize(7);
        assertThat(bus.evidence()).allSatisfy(e -> assertThat(e.sentence()).containsIgnoringCase("bus"));
    }

    @Test
    void offTopicNotesGiveNoEvidenceToTheTopicThemes() {
        List<Theme> themes = engine.themes(notes(CORPUS));

        for (String key : List.of("librari hour", "youth program", "afford hous", "bu")) {
            assertThat(theme(themes, key).noteIds()).as(key)
                    .noneMatch(id -> BY_NAME.get(id).topic().equals("misc") || BY_NAME.get(id).topic().equals("food"));
        }
    }

    @Test
    void unrelatedNotesDoNotPolluteALibrarysThemes() {
        List<Corpus.Entry> housing = CORPUS.stream().filter(e -> e.topic().equals("housing")).toList();
        List<Theme> alone = engine.themes(notes(housing));
        List<Corpus.Entry> mixed = new ArrayList<>(housing);
        mixed.addAll(CORPUS.stream().filter(e -> e.topic().equals("misc") || e.topic().equals("food")).toList());
        List<Theme> withOthers = engine.themes(notes(mixed));

        assertThat(alone.subList(0, 2)).extracting(Theme::key).containsExactly("afford hous", "rent");
        assertThat(withOthers.subList(0, 2)).extracting(Theme::key).containsExactly("afford hous", "rent");
        // The housing themes keep exactly their housing notes and evidence. (A common word such as "children"
        // may rightly gather notes of several topics; the housing themes must not.)
        for (String key : List.of("afford hous", "rent", "landlord", "evict")) {
            Theme before = theme(alone, key);
            Theme after = theme(withOthers, key);
            assertThat(after.noteIds()).as(key).isEqualTo(before.noteIds()).allMatch(id -> id.startsWith("housing-"));
            assertThat(after.evidence()).as(key).isEqualTo(before.evidence());
        }
    }

    @Test
    void theSameNotesInAnyOrderGiveTheSameThemes() {
        List<NoteText> shuffled = new ArrayList<>(notes(CORPUS));
        Collections.shuffle(shuffled, new Random(7));

        assertThat(engine.themes(shuffled)).isEqualTo(engine.themes(notes(CORPUS)));
    }

    @Test
    void aWordRepeatedInOneNoteIsOneVoiceNotATheme() {
        NoteText loud = new NoteText("n1", "lib", "t", LocalDate.parse("2025-01-01"),
                "Potholes. Potholes everywhere. Potholes again and potholes forever.");
        NoteText other = new NoteText("n2", "lib", "t", LocalDate.parse("2025-01-02"), "Streetlights are dark.");

        assertThat(engine.themes(List.of(loud, other))).isEmpty();
        assertThat(engine.themes(List.of(loud))).isEmpty();
    }

    @Test
    void aThemeSaysWhichSectionsItCameFrom() {
        NoteText a = new NoteText("a", "lib-1", "A", LocalDate.parse("2025-01-01"),
                "Concerns:\nBus service ends too early.\n\nWhom they trust:\nThe bus drivers.");
        NoteText b = new NoteText("b", "lib-2", "B", LocalDate.parse("2025-01-02"),
                "## Concerns\nWeekend bus service is rare.");

        Theme theme = engine.themes(List.of(a, b)).get(0);
        assertThat(theme.key()).isEqualTo("bu servic");
        assertThat(theme.label()).isEqualTo("bus service");
        assertThat(theme.noteCount()).isEqualTo(2);
        assertThat(theme.libraryCount()).isEqualTo(2);
        assertThat(theme.sections()).containsExactly("concerns");
        assertThat(engine.themes(List.of(a, b))).extracting(Theme::key).doesNotContain("servic", "bu");
    }
}
