package org.outward.notes.theme;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts a note's text (plain text or Markdown) into sentences, each tagged with the conversation section it
 * stands in. A heading line ("Concerns:", "## Whom they trust") opens a section; an inline label
 * ("Concerns: buses stop at 7 pm.") opens it too and its rest is content. Markdown markers are removed so the
 * evidence reads as plain sentences.
 */
final class Sentences {

    /** One sentence of evidence. */
    record Sentence(Section section, String text) {
    }

    private static final Pattern HEADING = Pattern.compile("^\\s{0,3}#{1,6}\\s*(.+?)\\s*#*\\s*$");
    private static final Pattern LABEL = Pattern.compile("^\\s*(?:\\*\\*|__)?([A-Za-z][A-Za-z ,'’]{1,60}?)(?:\\*\\*|__)?\\s*:(?:\\*\\*|__)?\\s*(.*)$");
    private static final Pattern LIST_MARKER = Pattern.compile("^\\s*(?:[-*+>•▪◦]|\\d{1,3}[.)])\\s+");
    /** Page furniture of extracted PDF text: "Page 2 of 3" at the end of a line, "-- 1 --" or "page 3" alone. */
    private static final Pattern PAGE_MARK = Pattern.compile("(?i)(?:\\s{2,}page\\s+\\d+(?:\\s+of\\s+\\d+)?\\s*$)"
            + "|(?:^\\s*(?:-+\\s*\\d+\\s*-+|page\\s+\\d+(?:\\s+of\\s+\\d+)?)\\s*$)");
    /** A word broken across lines by a hyphen in extracted text ("with-\\nout"). */
    private static final Pattern BROKEN_WORD = Pattern.compile("(\\p{L})-[ \\t]*\\R[ \\t]*(\\p{Ll})");
    private static final int HEADING_WORDS = 8;
    private static final Pattern INLINE_MARKUP = Pattern.compile("(\\*\\*|__|`|~~|\\[|\\]\\([^)]*\\))");

    private Sentences() {
    }

    static List<Sentence> split(String text) {
        return split(text, false);
    }

    /**
     * @param extracted the text was extracted from an attachment (PDF, DOCX...): a short unpunctuated line
     *                  standing alone is then a title and left out, not only a recognised section heading
     */
    static List<Sentence> split(String text, boolean extracted) {
        List<Sentence> sentences = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return sentences;
        }
        Section section = Section.OTHER;
        StringBuilder paragraph = new StringBuilder();
        String[] lines = BROKEN_WORD.matcher(text).replaceAll("$1$2").split("\\R");
        for (int i = 0; i < lines.length; i++) {
            if (PAGE_MARK.matcher(lines[i]).find()) {
                continue; // a running header or footer of extracted text, not part of any sentence
            }
            String line = lines[i].strip();
            if (plainHeading(line, paragraph.isEmpty(), i + 1 < lines.length ? lines[i + 1].strip() : "")) {
                // A short line standing alone without punctuation: a section heading ("Concerns raised"), or in
                // extracted text also a title or a running header; not a sentence either way.
                Section named = Section.ofHeading(line);
                if (named != null || extracted) {
                    flush(paragraph, section, sentences);
                    section = named == null ? section : named;
                    continue;
                }
            }
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                flush(paragraph, section, sentences);
                Section named = Section.ofHeading(heading.group(1));
                section = named == null ? Section.OTHER : named;
                continue;
            }
            Matcher label = LABEL.matcher(line);
            if (label.matches() && Section.ofHeading(label.group(1)) != null) {
                flush(paragraph, section, sentences);
                section = Section.ofHeading(label.group(1));
                line = label.group(2);
            }
            if (line.isBlank()) {
                flush(paragraph, section, sentences);
                continue;
            }
            boolean listItem = LIST_MARKER.matcher(line).find();
            if (listItem) {
                // Each bullet stands alone: it is a sentence even without a full stop.
                flush(paragraph, section, sentences);
                paragraph.append(LIST_MARKER.matcher(line).replaceFirst(""));
                flush(paragraph, section, sentences);
            } else {
                paragraph.append(paragraph.isEmpty() ? "" : " ").append(line);
            }
        }
        flush(paragraph, section, sentences);
        return sentences;
    }

    /**
     * A line that opens a paragraph, has at most eight words, ends without punctuation, and is followed by a
     * blank line, a list item or a capitalised line: a heading or a title (as PDF and DOCX extraction gives them),
     * not the first line of a wrapped sentence.
     */
    private static boolean plainHeading(String line, boolean opensParagraph, String next) {
        if (!opensParagraph || line.isEmpty() || LIST_MARKER.matcher(line).find() || line.startsWith("#")) {
            return false;
        }
        char last = line.charAt(line.length() - 1);
        if (".!?:;,\"'”)".indexOf(last) >= 0 || line.split("\\s+").length > HEADING_WORDS) {
            return false;
        }
        return next.isEmpty() || LIST_MARKER.matcher(next).find() || Character.isUpperCase(next.charAt(0));
    }

    private static void flush(StringBuilder paragraph, Section section, List<Sentence> out) {
        if (paragraph.isEmpty()) {
            return;
        }
        String text = INLINE_MARKUP.matcher(paragraph).replaceAll("").replaceAll("\\s+", " ").strip();
        paragraph.setLength(0);
        BreakIterator iterator = BreakIterator.getSentenceInstance(Locale.ENGLISH);
        iterator.setText(text);
        int start = iterator.first();
        for (int end = iterator.next(); end != BreakIterator.DONE; start = end, end = iterator.next()) {
            String sentence = text.substring(start, end).strip();
            if (sentence.chars().anyMatch(Character::isLetter)) {
                out.add(new Sentence(section, sentence));
            }
        }
    }
}
