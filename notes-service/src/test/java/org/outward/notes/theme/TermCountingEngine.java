package org.outward.notes.theme;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Finds the prevalent themes of a set of notes, deterministically and explainably:
 * <ol>
 * <li>every sentence is analysed into terms (words and 2-word phrases, stemmed; see {@link ThemeTerms});</li>
 * <li>a term's strength is the number of notes that raise it (document frequency: one note repeating a word
 * ten times is still one voice), times 1.5 for a phrase, because "bus routes" says more than "routes";</li>
 * <li>a term raised by fewer than two notes is not a theme (one note is an anecdote, however loud);</li>
 * <li>terms are taken strongest first (ties: more libraries, then the key's alphabetical order); a term that
 * shares a word with a theme already taken and whose notes are mostly (half or more) that theme's notes is
 * the same theme said differently and is skipped ("bus" after "bus routes").</li>
 * </ol>
 * No randomness, no model: the same notes always give the same themes, and each theme lists the sentences
 * that made it.
 *
 * <p>This was the service's engine before semantic themes (issue 11); it stays here, in the tests, only so the
 * evaluation can score it beside the new one (bench/notes-themes.md).
 */
public final class TermCountingEngine {

    private static final double PHRASE_BOOST = 1.5;
    private static final int EVIDENCE_PER_NOTE = 2;
    private static final int MIN_NOTES = 2;

    private final int limit;
    private final int maxEvidence;

    public TermCountingEngine(int limit, int maxEvidence) {
        this.limit = limit;
        this.maxEvidence = maxEvidence;
    }

    public List<Theme> themes(List<NoteText> notes) {
        // Sorted input: the result must not depend on the order MongoDB returned the notes in.
        List<NoteText> sorted = notes.stream()
                .sorted(Comparator.comparing(NoteText::conversationDate, Comparator.reverseOrder())
                        .thenComparing(NoteText::id))
                .toList();
        Map<String, Candidate> candidates = new HashMap<>();
        for (NoteText note : sorted) {
            String text = note.text() == null ? "" : note.text();
            Map<String, Integer> evidenceInNote = new HashMap<>();
            for (Sentences.Sentence sentence : Sentences.split(text)) {
                Set<String> inSentence = new HashSet<>();
                for (ThemeTerms.Term term : ThemeTerms.of(sentence.text())) {
                    Candidate candidate = candidates.computeIfAbsent(term.key(), k -> new Candidate(k, term.phrase()));
                    candidate.surfaces.merge(term.surface(), 1, Integer::sum);
                    if (inSentence.add(term.key())) {
                        candidate.notes.add(note.id());
                        candidate.libraries.add(note.libraryId());
                        candidate.sections.merge(sentence.section().wireName(), 1, Integer::sum);
                        if (evidenceInNote.merge(term.key(), 1, Integer::sum) <= EVIDENCE_PER_NOTE) {
                            candidate.evidence.add(new Evidence(note.id(), note.libraryId(), note.title(),
                                    note.conversationDate(), sentence.section().wireName(), sentence.text()));
                        }
                    }
                }
            }
        }
        List<Candidate> ranked = candidates.values().stream()
                .filter(c -> c.notes.size() >= MIN_NOTES)
                .sorted(Comparator.comparingDouble(Candidate::score).reversed()
                        .thenComparing(c -> c.libraries.size(), Comparator.reverseOrder())
                        .thenComparing(c -> !c.phrase)
                        .thenComparing(c -> c.key))
                .toList();
        Set<String> phrases = new HashSet<>();
        ranked.stream().filter(c -> c.phrase).forEach(c -> phrases.add(c.key));
        List<Candidate> chosen = new ArrayList<>();
        for (Candidate candidate : ranked) {
            if (chosen.size() >= limit) {
                break;
            }
            if (chosen.stream().noneMatch(taken -> sameTheme(candidate, taken, phrases))) {
                chosen.add(candidate);
            }
        }
        if (chosen.isEmpty()) {
            return List.of();
        }
        double top = chosen.get(0).score();
        return chosen.stream().map(c -> c.toTheme(Math.round(c.score() / top * 1000) / 1000.0, maxEvidence)).toList();
    }

    /**
     * The candidate says the same as a theme already taken when most of its notes are that theme's notes and
     * the two are linked by words: they share one ("bus" and "bus routes"), or a recurring phrase joins one
     * word of each ("stop" and "bus", through "bus stop").
     */
    private static boolean sameTheme(Candidate candidate, Candidate taken, Set<String> phrases) {
        long common = candidate.notes.stream().filter(taken.notes::contains).count();
        if (common * 2 < candidate.notes.size()) {
            return false;
        }
        for (String word : candidate.key.split(" ")) {
            for (String other : taken.key.split(" ")) {
                if (word.equals(other) || phrases.contains(word + " " + other) || phrases.contains(other + " " + word)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static final class Candidate {
        final String key;
        final boolean phrase;
        final Set<String> notes = new TreeSet<>();
        final Set<String> libraries = new HashSet<>();
        final Map<String, Integer> sections = new TreeMap<>();
        final Map<String, Integer> surfaces = new TreeMap<>();
        final List<Evidence> evidence = new ArrayList<>();

        Candidate(String key, boolean phrase) {
            this.key = key;
            this.phrase = phrase;
        }

        double score() {
            return notes.size() * (phrase ? PHRASE_BOOST : 1.0);
        }

        Theme toTheme(double weight, int maxEvidence) {
            String label = surfaces.entrySet().stream()
                    .max(Map.Entry.<String, Integer>comparingByValue()
                            .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                    .map(Map.Entry::getKey).orElse(key);
            List<String> bySection = sections.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                            .thenComparing(Map.Entry.comparingByKey()))
                    .map(Map.Entry::getKey).toList();
            return new Theme(key, label, weight, notes.size(), libraries.size(), bySection, List.copyOf(notes),
                    List.copyOf(evidence.subList(0, Math.min(maxEvidence, evidence.size()))), List.of(label),
                    evidence.size());
        }
    }
}
