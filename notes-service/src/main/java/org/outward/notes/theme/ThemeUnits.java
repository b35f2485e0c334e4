package org.outward.notes.theme;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Cuts a note into the units themes are made of: the sentences of its body and of each attachment's extracted text
 * (each attachment starts outside any section), with
 * <ul>
 * <li>statements joined by a semicolon, and long clauses joined by ", and" / ", but", as separate units;</li>
 * <li>list-like action sentences ("a crosswalk with a signal, a lower speed limit, and sidewalks on the school
 * route") split into their items;</li>
 * <li>the section of a sentence written outside any section inferred from how it opens ("They trust ...",
 * "They would like ...", "Ideas: ...", "They hope ...").</li>
 * </ul>
 * Each unit keeps the sentence as written (evidence shows it) and a content form without its label and reporting
 * frame ("They would like", "Ideas:"), which is what is embedded and labelled: the frame says how a note was
 * written, not what about.
 */
public final class ThemeUnits {

    /** A unit of a note: its position (stable for one note version), section, sentence and content. */
    public record Unit(int index, Section section, String text, String content) {
    }

    private static final Pattern SEMICOLON = Pattern.compile("\\s*;\\s+");
    private static final Pattern CLAUSE = Pattern.compile(",\\s+(?=(?:and|but|so)\\s)");
    private static final Pattern LIST_COMMA = Pattern.compile("\\s*,\\s*(?:(?:and|or)\\s+)?");
    private static final Pattern LAST_AND = Pattern.compile("\\s+(?:and|or)\\s+");
    private static final Pattern LEADING_LABEL = Pattern.compile("^[\\p{L}' ]{2,25}:\\s*");
    private static final Pattern ACTION_LABEL = Pattern.compile(
            "(?i)^(?:ideas?|suggestions?|wish(?:es)?|want(?:s)?|asks?|requests?|proposals?|next steps)\\s*:");
    private static final Pattern TRUST = Pattern.compile("(?i)^(?:trust\\s*:|(?:[\\p{L}'’]+\\s+){0,3}trusts?\\b)");
    private static final Pattern ACTION = Pattern.compile("(?i)^(?:[\\p{L}'’]+\\s+){0,3}(?:would like|'d like|’d like"
            + "|asked for|asked the|asked whether|suggested|suggest|propose[sd]?|recommend(?:ed|s)?|imagine"
            + "|want(?:s|ed)?)\\b");
    private static final Pattern ASPIRATION = Pattern.compile(
            "(?i)^(?:[\\p{L}'’]+\\s+){0,3}(?:hope[sd]?|dream[s]?)\\b");
    /** The reporting frame at the start of a sentence: who said, wished or asked it. */
    private static final Pattern FRAME = Pattern.compile("(?i)^(?:(?:they|we|people|parents|families|residents"
            + "|members|students|several|many|some|most|a few|the \\p{L}+|\\p{L}+s)\\s+)?(?:also\\s+)?"
            + "(?:said|say|says|told us|mentioned|noted|feel|felt|think|thought|would like|'d like|’d like|want(?:s|ed)?"
            + "|asked for|asked|hope[sd]?|suggested|wish(?:ed)?|imagine|trusts?)\\s+(?:(?:to|that|for)\\s+)?");
    /** "The library could ...": who would act, not what about. */
    private static final Pattern WHO_ACTS = Pattern.compile("(?i)^(?:the |our )?(?:library|libraries|church|city|town"
            + "|county|state|school|district|council)\\s+(?:could|should|can|would|will|might|must)\\s+(?:also\\s+)?");
    private static final Pattern CONJUNCTION = Pattern.compile("(?i)^(?:and|but|so|or)\\s+");
    private static final Pattern CONTEXT_CUE = Pattern.compile("(?i)^(?:notes?\\b|conversation\\b|we (?:met|sat|talked)"
            + "\\b|(?:[\\p{L}'’-]+\\s+){0,8}(?:talked (?:with|over|about)|came to|met (?:at|in|to)|gathered))");
    /** "Eight farmers over coffee at the elevator office": a count of people and where they were. */
    private static final Pattern COUNTED_PEOPLE = Pattern.compile("(?i)^(?:about\\s+)?(?:\\d+|two|three|four|five|six"
            + "|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
            + "|twenty|thirty|forty|fifty)\\s+(?:[\\p{L}'’-]+\\s+){0,3}(?:at|in|over|during|from|after|and|,|who)\\b");
    private static final int MIN_ITEM_WORDS = 3;
    private static final int MIN_CLAUSE_WORDS = 6;

    private ThemeUnits() {
    }

    public static List<Unit> of(NoteText note) {
        List<Sentences.Sentence> sentences = new ArrayList<>(Sentences.split(note.body()));
        for (String attachment : note.attachments()) {
            sentences.addAll(Sentences.split(attachment, true));
        }
        List<Unit> units = new ArrayList<>();
        int position = 0;
        for (Sentences.Sentence sentence : sentences) {
            if (position++ < 2 && sentence.section() == Section.OTHER && context(sentence.text())) {
                continue; // who came and where: the setting of the conversation, never a theme
            }
            Section section = sentence.section() == Section.OTHER ? infer(sentence.text()) : sentence.section();
            if (section == Section.OTHER && ACTION_LABEL.matcher(sentence.text()).find()) {
                section = Section.ACTIONS;
            }
            for (String piece : pieces(sentence.text(), section)) {
                String content = content(piece);
                if (content.chars().filter(Character::isLetter).count() >= 3) {
                    units.add(new Unit(units.size(), section, piece, content));
                }
            }
        }
        return units;
    }

    /**
     * An opening sentence about the conversation itself ("Eleven parents talked with us in the pickup line",
     * "Conversation held in Spanish after the noon Mass", "Notes from the open mic").
     */
    static boolean context(String sentence) {
        return CONTEXT_CUE.matcher(sentence).find() || COUNTED_PEOPLE.matcher(sentence).find();
    }

    /** The section of a sentence written outside any section, from how it opens; OTHER when it says nothing. */
    static Section infer(String sentence) {
        String s = sentence.strip();
        if (TRUST.matcher(s).find()) {
            return Section.TRUST;
        }
        if (ACTION_LABEL.matcher(s).find() || ACTION.matcher(s).find()) {
            return Section.ACTIONS;
        }
        if (ASPIRATION.matcher(s).find()) {
            return Section.ASPIRATIONS;
        }
        return Section.OTHER;
    }

    static List<String> pieces(String sentence, Section section) {
        List<String> out = new ArrayList<>();
        for (String statement : split(sentence, SEMICOLON, MIN_ITEM_WORDS)) {
            List<String> items = section == Section.ACTIONS ? items(statement) : List.of(statement);
            out.addAll(items.size() > 1 ? items : split(statement, CLAUSE, MIN_CLAUSE_WORDS));
        }
        return out;
    }

    /** Splits where the pattern matches when every part has enough words; else the text whole. */
    private static List<String> split(String text, Pattern separator, int minWords) {
        String[] parts = separator.split(text);
        if (parts.length < 2 || Arrays.stream(parts).anyMatch(p -> words(p) < minWords)) {
            return List.of(text);
        }
        return Arrays.stream(parts).map(String::strip).toList();
    }

    /** "A, B, and C" (or "A, B and C") with three or more items of three words or more: its items. */
    static List<String> items(String clause) {
        String[] parts = LIST_COMMA.split(clause);
        List<String> items = new ArrayList<>(Arrays.asList(parts));
        if (parts.length == 2 || (parts.length >= 2 && !clause.matches("(?s).*,\\s*(?:and|or)\\s.*"))) {
            // "A, B and C": the last part holds two items.
            String[] last = LAST_AND.split(items.remove(items.size() - 1), 2);
            items.addAll(Arrays.asList(last));
        }
        if (items.size() < 3 || items.stream().anyMatch(i -> words(i) < MIN_ITEM_WORDS)) {
            return List.of(clause);
        }
        return items.stream().map(String::strip).toList();
    }

    /** The sentence without its leading label ("Ideas:", "Concerns:") and reporting frame ("They would like"). */
    static String content(String text) {
        String content = LEADING_LABEL.matcher(text.strip()).replaceFirst("");
        content = CONJUNCTION.matcher(content).replaceFirst("");
        content = FRAME.matcher(content).replaceFirst("");
        content = WHO_ACTS.matcher(content).replaceFirst("");
        return content.isBlank() ? text.strip() : content.strip();
    }

    private static int words(String text) {
        String t = text.strip();
        return t.isEmpty() ? 0 : t.split("\\s+").length;
    }
}
