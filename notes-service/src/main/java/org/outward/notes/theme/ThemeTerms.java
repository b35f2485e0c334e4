package org.outward.notes.theme;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.pattern.PatternReplaceCharFilter;
import org.apache.lucene.analysis.shingle.ShingleFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Turns a sentence into candidate theme terms with Lucene: standard tokenizer, lower case, ASCII folding,
 * possessives removed, stop words removed (English plus the fillers of conversation notes), then 2-word
 * phrases by {@link ShingleFilter} (never across a removed stop word: such shingles carry the filler "_").
 * Each term has a key (its Porter stems, so "bus routes" and "bus route" are one theme) and the surface form
 * it had (for the label).
 *
 * <p>Words of {@link #GENERIC} ("library", "community", ...) are everywhere in these notes: they may be part
 * of a phrase ("library hours") but are never a theme on their own.
 */
final class ThemeTerms {

    /** A term of a sentence: its stemmed key, its surface words, and whether it is a 2-word phrase. */
    record Term(String key, String surface, boolean phrase) {
    }

    /** Words of how notes are written rather than what they are about: removed, and they break phrases. */
    static final Set<String> FILLERS = words(
            "a", "about", "across", "after", "again", "all", "almost", "already", "also", "although", "always",
            "am", "among", "another", "any", "anyone", "anything", "around", "because", "been", "before", "being",
            "both", "can", "can't", "could", "couldn't", "did", "didn't", "do", "does", "doesn't", "don't", "done",
            "during", "each", "either", "else", "enough", "even", "ever", "every", "everyone", "everything", "few",
            "from", "get", "gets", "getting", "go", "goes", "going", "got", "had", "has", "have", "having", "he",
            "her", "here", "hers", "him", "his", "how", "however", "i", "i'm", "its", "it's", "just", "least",
            "less", "let", "lot", "lots", "made", "make", "makes", "many", "may", "me", "might", "mine", "more",
            "most", "much", "must", "my", "need", "needs", "needed", "never", "now", "often", "one", "ones", "only",
            "our", "ours", "over", "own", "per", "perhaps", "quite", "rather", "really", "said", "same", "say",
            "says", "see", "seem", "seems", "she", "should", "since", "so", "some", "someone", "something",
            "still", "than", "them", "thing", "things", "think", "thinks", "thought", "those", "though", "through",
            "too", "two", "three", "under", "until", "up", "upon", "us", "very", "want", "wants", "wanted", "was",
            "we", "we're", "well", "were", "what", "when", "where", "whether", "which", "while", "who", "whom",
            "whose", "why", "wish", "would", "wouldn't", "yes", "yet", "you", "your", "yours", "feel", "feels",
            "felt", "like", "liked", "know", "knows", "told", "tell", "mentioned", "noted", "agreed", "shared",
            "talked", "asked", "hope", "hoped", "hopes", "worry", "worried", "worries", "believe", "believes",
            "concern", "concerns", "concerned", "trust", "trusts", "trusted", "happen", "happens", "aspiration",
            "aspirations", "action", "actions", "next", "step", "steps", "way", "ways", "kind", "kinds", "sure",
            "able", "better", "good", "great", "big", "small", "new", "old", "first", "last", "other", "others",
            "use", "used", "using", "come", "comes", "came", "take", "takes", "put", "keep", "keeps", "give",
            "gives", "find", "found", "help", "helps", "work", "works", "day", "days", "week", "weeks", "month",
            "months", "year", "years", "time", "times", "today", "right", "left", "back", "long", "part", "whole",
            "several", "half", "due", "out", "off", "down", "away", "outside", "together", "without", "within", "near", "instead", "especially", "particularly",
            "mostly", "maybe", "probably", "actually", "already", "almost", "whatever", "someone's");

    /** Present everywhere in conversation notes: allowed inside a phrase, never a theme alone. */
    static final Set<String> GENERIC = words(
            "library", "libraries", "community", "communities", "people", "person", "resident", "residents",
            "participant", "participants", "conversation", "conversations", "group", "groups", "neighbor",
            "neighbors", "neighbour", "neighbours", "neighborhood", "neighbourhood", "city", "town", "place",
            "places", "area", "areas", "local", "family", "families", "branch", "staff", "everybody", "folks",
            "room", "meeting", "session", "question", "questions", "idea", "ideas", "issue", "issues", "problem",
            "problems", "support", "access", "home", "homes", "service", "services", "program", "programs");

    /** A hyphen between two letters ("after-school"). */
    private static final Pattern HYPHEN = Pattern.compile("(?<=\\p{L})-(?=\\p{L})");

    /** What ShingleFilter puts where a stop word was removed. */
    private static final String FILLER = ShingleFilter.DEFAULT_FILLER_TOKEN;

    private static final CharArraySet STOP_WORDS;

    static {
        CharArraySet stop = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, false);
        stop.addAll(FILLERS);
        STOP_WORDS = CharArraySet.unmodifiableSet(stop);
    }

    /**
     * Surface words to phrases: stop words leave a position gap, which ShingleFilter fills with "_". A hyphen
     * between letters becomes "_" first, which the tokenizer keeps inside a word: "after-school" stays one word.
     */
    private static final Analyzer SURFACE = new Analyzer() {
        @Override
        protected Reader initReader(String field, Reader reader) {
            return new PatternReplaceCharFilter(HYPHEN, "_", reader);
        }

        @Override
        protected TokenStreamComponents createComponents(String field) {
            Tokenizer source = new StandardTokenizer();
            TokenStream stream = new LowerCaseFilter(source);
            stream = new ASCIIFoldingFilter(stream);
            stream = new EnglishPossessiveFilter(stream);
            stream = new StopFilter(stream, STOP_WORDS);
            ShingleFilter shingles = new ShingleFilter(stream, 2, 2);
            shingles.setOutputUnigrams(true);
            return new TokenStreamComponents(source, shingles);
        }
    };

    /** One word to its Porter stem. */
    private static final Analyzer STEM = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            Tokenizer source = new KeywordTokenizer();
            return new TokenStreamComponents(source, new PorterStemFilter(source));
        }
    };

    /** Stems are a pure function of the word; the vocabulary of notes is small, so this stays small. */
    private static final Map<String, String> STEMS = new ConcurrentHashMap<>();

    private ThemeTerms() {
    }

    private static Set<String> words(String... words) {
        return Set.copyOf(Arrays.asList(words)); // tolerates a word listed twice
    }

    static List<Term> of(String sentence) {
        List<Term> terms = new ArrayList<>();
        try (TokenStream stream = SURFACE.tokenStream("text", sentence)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                String[] words = term.toString().split(" ");
                if (Arrays.asList(words).contains(FILLER)) {
                    continue; // a phrase across a removed word: not a phrase
                }
                if (!allUsable(words)) {
                    continue;
                }
                boolean phrase = words.length == 2;
                if (phrase ? GENERIC.contains(words[0]) && GENERIC.contains(words[1]) : GENERIC.contains(words[0])) {
                    continue;
                }
                StringBuilder key = new StringBuilder();
                for (String word : words) {
                    key.append(key.isEmpty() ? "" : " ").append(stem(word));
                }
                terms.add(new Term(key.toString(), term.toString().replace('_', '-'), phrase));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringReader does not fail
        }
        return terms;
    }

    /** Words of at least three letters, no digits (dates, times and counts are not themes). */
    private static boolean allUsable(String[] words) {
        for (String word : words) {
            if (word.length() < 3 || word.chars().anyMatch(c -> !Character.isLetter(c) && c != '\'' && c != '_')) {
                return false;
            }
        }
        return true;
    }

    /** Plurals Porter stems apart from their singular ("buses" to "buse", "bus" to "bu"): stemmed as the singular. */
    private static final Map<String, String> IRREGULAR = Map.of("buses", "bus", "busses", "bus", "gases", "gas");

    static String stem(String word) {
        word = IRREGULAR.getOrDefault(word, word);
        String stem = STEMS.get(word);
        if (stem == null) {
            stem = stemNow(word);
            if (STEMS.size() < 200_000) { // bounded: an attachment full of odd words must not grow it forever
                STEMS.put(word, stem);
            }
        }
        return stem;
    }

    private static String stemNow(String word) {
        try (TokenStream stream = STEM.tokenStream("word", word)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            String stem = stream.incrementToken() ? term.toString() : word;
            stream.end();
            return stem;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
