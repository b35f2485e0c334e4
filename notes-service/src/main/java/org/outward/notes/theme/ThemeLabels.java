package org.outward.notes.theme;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Names themes the way an analyst would ("bus line / later bus"), with class-based TF-IDF: each theme is a class
 * of sentences, and so is everything else the computation read (the background); a term (a Porter stem or a
 * 2-word phrase of stems, see {@link ThemeTerms}) weighs {@code tf(t, theme) / |theme| * log(1 + A / f(t))}, where
 * {@code tf} counts the theme's sentences that use it, {@code f} all sentences that use it and {@code A} the mean
 * class size. A term frequent in the theme and rare elsewhere wins.
 *
 * <p>A label term must be used by at least two of the theme's notes (one note's pet word does not name a shared
 * theme), and its head (last word) must not be a generic word ({@link #GENERIC_HEADS}): a theme that cannot be
 * named so has no label and is not a theme. The label is the best term, then " / " and the best other term that
 * is not part of it.
 */
final class ThemeLabels {

    /** A theme's label: its stable key (stems), the label text, and its terms as written. */
    record Label(String key, String text, List<String> terms) {
    }

    /** One sentence of a class: which note said it, and the terms of its content (analysed once per computation). */
    record Sentence(String noteId, List<ThemeTerms.Term> terms) {
    }

    /**
     * Never the head of a label: words of every conversation (library, community, people...), words of how
     * notes are written (run, want, said, cannot... most are already dropped as fillers by {@link ThemeTerms}),
     * and adjectives or adverbs that name no subject on their own (older, later, free...).
     */
    static final Set<String> GENERIC_HEADS = Set.copyOf(Arrays.asList(
            "library", "libraries", "community", "communities", "people", "person", "persons", "resident",
            "residents", "participant", "participants", "member", "members", "conversation", "conversations", "group",
            "groups", "neighbor", "neighbors", "neighbour", "neighbours", "neighborhood", "neighbourhood", "city",
            "town", "towns", "place", "places", "area", "areas", "local", "family", "families", "branch", "staff",
            "everybody", "folks", "meeting", "meetings", "session", "question", "questions", "idea", "ideas", "issue",
            "issues", "problem", "problems", "thing", "things", "stuff", "lot", "lots", "run", "runs", "running",
            "want", "wants", "said", "says", "cannot", "can't", "need", "needs", "like", "get", "make", "keep",
            "stay", "stays", "talk", "talked", "told", "asked", "went", "goes", "going", "older", "younger",
            "later", "earlier", "late", "early", "free", "open", "closed", "full", "empty", "hard", "easy", "safe",
            "far", "close", "nearest", "closest", "whole", "real", "high", "higher", "low", "lower", "every", "none",
            "nothing", "anything", "something", "everyone", "nobody", "enough", "able", "end", "ends", "start",
            "starts", "try", "tried", "move", "moved", "leave", "leaves", "left", "call", "called", "week", "weeks", "month", "months", "times", "half", "third", "percent"));

    private static final double PHRASE_BOOST = 1.25;
    private static final int MIN_NOTES = 2;

    private ThemeLabels() {
    }

    /**
     * Labels for each theme class; the last class is the background (sentences of no theme). A theme without a
     * nameable term gets an empty label.
     */
    static List<Optional<Label>> label(List<List<Sentence>> themes, List<Sentence> background) {
        List<List<Sentence>> classes = new ArrayList<>(themes);
        classes.add(background);
        List<Map<String, Stat>> stats = new ArrayList<>();
        Map<String, Integer> everywhere = new HashMap<>();
        long totalSentences = 0;
        for (List<Sentence> sentences : classes) {
            Map<String, Stat> byTerm = new TreeMap<>();
            for (Sentence sentence : sentences) {
                Set<String> seen = new HashSet<>();
                for (ThemeTerms.Term term : sentence.terms()) {
                    Stat stat = byTerm.computeIfAbsent(term.key(), k -> new Stat(term.phrase()));
                    stat.surfaces.merge(term.surface(), 1, Integer::sum);
                    if (seen.add(term.key())) {
                        stat.sentences++;
                        stat.notes.add(sentence.noteId());
                        everywhere.merge(term.key(), 1, Integer::sum);
                    }
                }
            }
            stats.add(byTerm);
            totalSentences += sentences.size();
        }
        double meanClass = (double) totalSentences / classes.size();
        List<Optional<Label>> labels = new ArrayList<>();
        for (int c = 0; c < themes.size(); c++) {
            int size = Math.max(1, themes.get(c).size());
            List<Scored> eligible = new ArrayList<>();
            for (Map.Entry<String, Stat> e : stats.get(c).entrySet()) {
                Stat stat = e.getValue();
                if (stat.notes.size() < MIN_NOTES || genericHead(stat.surface())) {
                    continue;
                }
                double weight = (double) stat.sentences / size * Math.log(1 + meanClass / everywhere.get(e.getKey()))
                        * (stat.phrase ? PHRASE_BOOST : 1.0);
                eligible.add(new Scored(e.getKey(), stat.surface(), weight));
            }
            eligible.sort(Comparator.comparingDouble(Scored::weight).reversed().thenComparing(Scored::key));
            labels.add(compose(eligible));
        }
        return labels;
    }

    private static Optional<Label> compose(List<Scored> eligible) {
        if (eligible.isEmpty()) {
            return Optional.empty();
        }
        Scored first = eligible.get(0);
        Set<String> firstWords = words(first.key);
        for (Scored other : eligible.subList(1, eligible.size())) {
            Set<String> words = words(other.key);
            if (!firstWords.containsAll(words) && !words.containsAll(firstWords)) {
                return Optional.of(new Label(first.key + " / " + other.key, first.surface + " / " + other.surface,
                        List.of(first.surface, other.surface)));
            }
        }
        return Optional.of(new Label(first.key, first.surface, List.of(first.surface)));
    }

    /** A key's stems; a phrase may repeat one ("ferri ferri" of "ferry ferry"), which Set.of would refuse. */
    private static Set<String> words(String key) {
        return Set.copyOf(Arrays.asList(key.split(" ")));
    }

    static boolean genericHead(String surface) {
        String[] words = surface.split("[ \\-]+");
        String head = words[words.length - 1];
        return GENERIC_HEADS.contains(head) || (words.length == 1 && pastTense(head));
    }

    /** "raised", "closed": a verb in the past names an event, not a subject ("speed", "shed" are nouns). */
    private static boolean pastTense(String word) {
        return word.length() > 4 && word.endsWith("ed") && !word.endsWith("eed");
    }

    private record Scored(String key, String surface, double weight) {
    }

    private static final class Stat {
        final boolean phrase;
        final Set<String> notes = new HashSet<>();
        final Map<String, Integer> surfaces = new TreeMap<>();
        int sentences;

        Stat(boolean phrase) {
            this.phrase = phrase;
        }

        /** The form used most often (ties: alphabetical), so "bus routes" rather than "bus route" if more said so. */
        String surface() {
            return surfaces.entrySet().stream()
                    .max(Map.Entry.<String, Integer>comparingByValue()
                            .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                    .map(Map.Entry::getKey).orElseThrow();
        }
    }
}
