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
    private static final Pattern LIST_MARKER = Pattern.compile("^\\s*(?:[-*+>]|\\d{1,3}[.)])\\s+");
    private static final Pattern INLINE_MARKUP = Pattern.compile("(\\*\\*|__|`|~~|\\[|\\]\\([^)]*\\))");

    private Sentences() {
    }

    static List<Sentence> split(String text) {
        List<Sentence> sentences = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return sentences;
        }
        Section section = Section.OTHER;
        StringBuilder paragraph = new StringBuilder();
        for (String rawLine : text.split("\\R")) {
            String line = rawLine.strip();
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
