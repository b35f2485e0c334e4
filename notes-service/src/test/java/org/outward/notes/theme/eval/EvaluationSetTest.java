package org.outward.notes.theme.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The evaluation set is as large and as varied as the issue asks, and its labels are consistent. */
class EvaluationSetTest {

    private final EvaluationSet set = EvaluationSet.load();

    @Test
    void atLeastSixtyNotesOfThreeCohortsAndNineLibraries() {
        assertThat(set.notes()).hasSizeGreaterThanOrEqualTo(60);
        assertThat(set.notes().stream().map(EvaluationSet.Note::cohort).distinct()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(set.notes().stream().map(EvaluationSet.Note::library).distinct()).hasSizeGreaterThanOrEqualTo(9);
        assertThat(set.notes()).filteredOn(n -> n.attachmentText() != null).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void aThirdOfTheNotesIsHeldOutByCohort() {
        List<String> heldOut = set.cohorts(EvaluationSet.HELD_OUT);
        long heldOutNotes = set.notes().stream().filter(n -> heldOut.contains(n.cohort())).count();
        assertThat(heldOut).isNotEmpty();
        assertThat(set.cohorts(EvaluationSet.TUNING)).doesNotContainAnyElementsOf(heldOut);
        assertThat(heldOutNotes * 3).isEqualTo(set.notes().size());
    }

    @Test
    void everyCohortHasThemesSeveralProblemsInOneNoteAndNotesWithoutTheme() {
        Map<String, List<EvaluationSet.Note>> byCohort = set.notes().stream()
                .collect(Collectors.groupingBy(EvaluationSet.Note::cohort));
        byCohort.forEach((cohort, notes) -> {
            assertThat(EvaluationSet.expected(set.sharedInCohort(cohort))).as(cohort).hasSizeGreaterThanOrEqualTo(3);
            assertThat(notes).as(cohort).anyMatch(n -> n.themes().size() >= 2);
            assertThat(notes).as(cohort).anyMatch(n -> n.themes().isEmpty());
            assertThat(notes).as(cohort).anyMatch(n -> !n.shared());
        });
    }

    @Test
    void everyLabelIsAThemeOfItsCohortCarriedByTwoSharedNotes() {
        for (EvaluationSet.Note note : set.notes()) {
            Set<String> expected = EvaluationSet.expected(set.sharedInCohort(note.cohort())).keySet();
            assertThat(expected).as(note.id()).containsAll(note.themes());
        }
    }
}
