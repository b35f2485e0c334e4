package org.outward.notes.search;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.outward.notes.theme.EmbeddedNote;
import org.outward.notes.theme.NoteText;
import org.outward.notes.theme.Section;
import org.outward.notes.theme.ThemeUnits;
import org.outward.platform.search.SearchAnalyzer;

/**
 * A note as the search index holds it: immutable (a write replaces it whole, so a reader sees one version or the
 * other), with its term counts for BM25 and its passages (the theme units: sentences and list items, each with
 * its section and, for attachment text, its file) for section filters and snippets.
 *
 * @param terms  term frequencies of the whole note: title, body, attachments' names and extracted text
 * @param length how many terms the whole note has
 */
record IndexedNote(String id, String libraryId, String cohortId, boolean shared, LocalDate conversationDate,
        long version, String title, List<String> segments, List<String> tags, List<Passage> passages,
        Map<String, Integer> terms, int length) {

    /**
     * A sentence or list item of a note.
     *
     * @param index        the unit's position in the note (its sentence vector's position)
     * @param attachmentId the attachment the text comes from, or null for the note's body
     * @param terms        its term frequencies
     */
    record Passage(int index, Section section, String text, String attachmentId, String file,
            Map<String, Integer> terms, int length) {
    }

    static IndexedNote of(NoteSource source, EmbeddedNote embedded) {
        List<Integer> ends = sourceEnds(source);
        List<Passage> passages = new ArrayList<>();
        for (ThemeUnits.Unit unit : embedded.units()) {
            int from = 0;
            while (from < ends.size() - 1 && unit.index() >= ends.get(from)) {
                from++;
            }
            NoteSource.AttachmentText attachment = from == 0 ? null : source.attachments().get(from - 1);
            Map<String, Integer> terms = count(SearchAnalyzer.terms(unit.text()));
            passages.add(new Passage(unit.index(), unit.section(), unit.text(),
                    attachment == null ? null : attachment.id(), attachment == null ? null : attachment.name(),
                    terms, length(terms)));
        }
        List<String> words = new ArrayList<>(SearchAnalyzer.terms(source.title()));
        words.addAll(SearchAnalyzer.terms(source.body()));
        for (NoteSource.AttachmentText attachment : source.attachments()) {
            words.addAll(SearchAnalyzer.terms(fileWords(attachment.name())));
            words.addAll(SearchAnalyzer.terms(attachment.text()));
        }
        Map<String, Integer> terms = count(words);
        return new IndexedNote(source.id(), source.libraryId(), source.cohortId(), source.shared(),
                source.conversationDate(), source.version(), source.title(), source.segments(), source.tags(),
                List.copyOf(passages), terms, words.size());
    }

    /**
     * Where each source's units end: the body's, then after each attachment's. Units are cut from the body first,
     * then from each attachment in turn, so the units of the body and the first k attachments are exactly the
     * first units of the whole note.
     */
    private static List<Integer> sourceEnds(NoteSource source) {
        List<Integer> ends = new ArrayList<>();
        NoteText whole = source.text();
        for (int k = 0; k <= source.attachments().size(); k++) {
            NoteText prefix = new NoteText(whole.id(), whole.libraryId(), whole.title(), whole.conversationDate(),
                    whole.version(), whole.body(), whole.attachments().subList(0, k));
            ends.add(ThemeUnits.of(prefix).size());
        }
        return ends;
    }

    /**
     * A file name's words: the standard tokenizer keeps "budget.pdf" and "minutes_2025" whole (a dot or underscore
     * between letters joins them), so a search for "budget" would not find "budget.pdf".
     */
    static String fileWords(String name) {
        return name == null ? "" : name.replace('.', ' ').replace('_', ' ');
    }

    private static Map<String, Integer> count(List<String> words) {
        if (words.isEmpty()) {
            return Map.of();
        }
        Map<String, Integer> counts = new HashMap<>();
        words.forEach(word -> counts.merge(word, 1, Integer::sum));
        return Collections.unmodifiableMap(counts);
    }

    private static int length(Map<String, Integer> terms) {
        return terms.values().stream().mapToInt(Integer::intValue).sum();
    }
}
