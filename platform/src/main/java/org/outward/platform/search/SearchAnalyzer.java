package org.outward.platform.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * The one text analyser of every service's search, so that a word finds the same things in the catalog and in
 * the notes: Lucene's standard tokenizer, possessives removed ("library's"), lower case, accents folded ("café"
 * finds "cafe"), English stop words dropped, Porter stems ("closing", "closed" and "closes" meet at "close";
 * "buses" at "buse", like "bus" does not: stemming is about endings, not meaning, which is what the vector side
 * of note search is for). Tokens keep their character offsets in the analysed text, for highlighting.
 */
public final class SearchAnalyzer {

    /** A term (stem) of a text and where its word stands in that text ({@code end} exclusive). */
    public record Token(String term, int start, int end) {
    }

    private static final Analyzer ANALYZER = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            Tokenizer source = new StandardTokenizer();
            TokenStream stream = new EnglishPossessiveFilter(source);
            stream = new LowerCaseFilter(stream);
            stream = new ASCIIFoldingFilter(stream);
            stream = new StopFilter(stream, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
            stream = new PorterStemFilter(stream);
            return new TokenStreamComponents(source, stream);
        }
    };

    private SearchAnalyzer() {
    }

    /** The terms of a text with their offsets, in order (repeats kept: they are term frequencies). */
    public static List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return tokens;
        }
        // Thread-safe: the analyser keeps one token stream per thread.
        try (TokenStream stream = ANALYZER.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(new Token(term.toString(), offset.startOffset(), offset.endOffset()));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a string reader does not fail
        }
        return tokens;
    }

    /** The terms of a text, in order, repeats kept. */
    public static List<String> terms(String text) {
        return tokens(text).stream().map(Token::term).toList();
    }

    /** The distinct terms of a text, in first-seen order (a query's terms). */
    public static List<String> distinctTerms(String text) {
        Set<String> terms = new LinkedHashSet<>(terms(text));
        return List.copyOf(terms);
    }
}
