package org.outward.notes.theme.eval;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.outward.notes.theme.Evidence;
import org.outward.notes.theme.Theme;

/**
 * Scores a theme engine against the hand labels of {@link EvaluationSet}, with the metrics its README defines:
 * recall (expected themes found in the top 8, each covering at least 2/3 of its expected notes), precision (top-8
 * themes credited to an expected theme, duplicates not credited), noise labels (a generic word as the head of a
 * label part) and evidence purity (evidence from the notes of the expected theme a theme matches).
 */
public final class ThemeEvaluation {

    public static final int TOP = 8;

    /** What one scope (a cohort or a library) scored, with a readable account of every theme. */
    public record ScopeResult(String scope, int expected, int found, int top, int credited, List<String> noise,
            int evidencePure, int evidenceTotal, List<String> account) {
    }

    /** Sums over scopes. */
    public record Score(int scopes, int expected, int found, int top, int credited, List<String> noise,
            int evidencePure, int evidenceTotal) {

        public double recall() {
            return expected == 0 ? 1.0 : (double) found / expected;
        }

        public double precision() {
            return top == 0 ? 0.0 : (double) credited / top;
        }

        public double purity() {
            return evidenceTotal == 0 ? 0.0 : (double) evidencePure / evidenceTotal;
        }

        public String row() {
            return String.format(Locale.ROOT, "recall %.2f (%d/%d) | precision %.2f (%d/%d) | noise labels %d | "
                    + "evidence purity %.2f (%d/%d)", recall(), found, expected, precision(), credited, top,
                    noise.size(), purity(), evidencePure, evidenceTotal);
        }
    }

    private final EvaluationSet set;

    public ThemeEvaluation(EvaluationSet set) {
        this.set = set;
    }

    /** Cohort themes (shared notes only) of every cohort of a part. */
    public List<ScopeResult> cohorts(String part, Function<List<EvaluationSet.Note>, List<Theme>> engine) {
        List<ScopeResult> results = new ArrayList<>();
        for (String cohort : set.cohorts(part)) {
            List<EvaluationSet.Note> scope = set.sharedInCohort(cohort);
            results.add(score("cohort " + cohort, scope, engine.apply(scope)));
        }
        return results;
    }

    /** Library themes (all the library's notes) of every library of a part. */
    public List<ScopeResult> libraries(String part, Function<List<EvaluationSet.Note>, List<Theme>> engine) {
        List<ScopeResult> results = new ArrayList<>();
        for (String cohort : set.cohorts(part)) {
            for (String library : set.libraries(cohort)) {
                List<EvaluationSet.Note> scope = set.ofLibrary(library);
                results.add(score("library " + library, scope, engine.apply(scope)));
            }
        }
        return results;
    }

    public static Score total(List<ScopeResult> results) {
        return new Score(results.size(), results.stream().mapToInt(ScopeResult::expected).sum(),
                results.stream().mapToInt(ScopeResult::found).sum(), results.stream().mapToInt(ScopeResult::top).sum(),
                results.stream().mapToInt(ScopeResult::credited).sum(),
                results.stream().flatMap(r -> r.noise().stream()).toList(),
                results.stream().mapToInt(ScopeResult::evidencePure).sum(),
                results.stream().mapToInt(ScopeResult::evidenceTotal).sum());
    }

    public ScopeResult score(String name, List<EvaluationSet.Note> scope, List<Theme> themes) {
        Map<String, Set<String>> expected = EvaluationSet.expected(scope);
        Map<String, Set<String>> labelsOf = scope.stream()
                .collect(Collectors.toMap(EvaluationSet.Note::id, EvaluationSet.Note::themes));
        List<Theme> top = themes.subList(0, Math.min(TOP, themes.size()));
        Set<String> found = new HashSet<>();
        Set<String> credited = new HashSet<>();
        List<String> noise = new ArrayList<>();
        List<String> account = new ArrayList<>();
        int pure = 0;
        int total = 0;
        int rank = 0;
        for (Theme theme : top) {
            rank++;
            String match = match(theme, expected);
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %d. %s [%d notes, %d libraries]",
                    rank, theme.label(), theme.noteCount(), theme.libraryCount()));
            if (isNoise(theme.label())) {
                noise.add(theme.label());
                line.append(" NOISE-LABEL");
            }
            if (match == null) {
                line.append(" -> no expected theme; notes ").append(theme.noteIds().stream()
                        .map(id -> id + labelsOf.get(id)).toList());
            } else {
                Set<String> expectedNotes = expected.get(match);
                long covered = theme.noteIds().stream().filter(expectedNotes::contains).count();
                boolean covers = covered * 3 >= expectedNotes.size() * 2L;
                if (covers) {
                    found.add(match);
                }
                boolean first = credited.add(match);
                long evidenceFrom = theme.evidence().stream().map(Evidence::noteId)
                        .filter(id -> labelsOf.getOrDefault(id, Set.of()).contains(match)).count();
                pure += (int) evidenceFrom;
                total += theme.evidence().size();
                line.append(" -> ").append(match).append(first ? "" : " (DUPLICATE)")
                        .append(String.format(Locale.ROOT, " covers %d/%d%s, evidence %d/%d", covered,
                                expectedNotes.size(), covers ? "" : " (UNDER 2/3)", evidenceFrom,
                                theme.evidence().size()));
                List<String> stray = theme.noteIds().stream().filter(id -> !expectedNotes.contains(id)).toList();
                if (!stray.isEmpty()) {
                    line.append("; other notes ").append(stray);
                }
            }
            account.add(line.toString());
            for (Evidence e : theme.evidence()) {
                account.add("       " + e.noteId() + " (" + e.libraryId() + ", " + e.section() + "): " + e.sentence());
            }
        }
        for (Map.Entry<String, Set<String>> e : expected.entrySet()) {
            if (!found.contains(e.getKey())) {
                account.add("  missed: " + e.getKey() + " " + e.getValue());
            }
        }
        return new ScopeResult(name, expected.size(), found.size(), top.size(), credited.size(), noise, pure, total,
                account);
    }

    /** The expected theme that more than half of the theme's notes carry (most notes first, then by id). */
    static String match(Theme theme, Map<String, Set<String>> expected) {
        String best = null;
        long bestCount = 0;
        for (Map.Entry<String, Set<String>> e : expected.entrySet()) {
            long count = theme.noteIds().stream().filter(e.getValue()::contains).count();
            if (count * 2 > theme.noteIds().size() && count > bestCount) {
                best = e.getKey();
                bestCount = count;
            }
        }
        return best;
    }

    public boolean isNoise(String label) {
        for (String part : label.split("/")) {
            String[] words = part.strip().toLowerCase(Locale.ROOT).split("[\\s-]+");
            if (words.length == 0 || set.genericWords().contains(words[words.length - 1])) {
                return true;
            }
        }
        return false;
    }

    public static String report(String title, List<ScopeResult> results) {
        StringBuilder out = new StringBuilder(title).append(": ").append(total(results).row()).append('\n');
        for (ScopeResult r : results) {
            out.append(' ').append(r.scope()).append(String.format(Locale.ROOT, ": found %d/%d, credited %d/%d%n",
                    r.found(), r.expected(), r.credited(), r.top()));
            r.account().forEach(line -> out.append(line).append('\n'));
        }
        return out.toString();
    }
}
