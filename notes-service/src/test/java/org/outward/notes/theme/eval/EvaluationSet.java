package org.outward.notes.theme.eval;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.outward.notes.theme.NoteText;

/**
 * The hand-labelled evaluation set under {@code src/test/resources/themes-eval} (see its README): notes of invented
 * cohorts, their attachments' extracted text, the expected themes of every note, and which cohorts are held out.
 */
public final class EvaluationSet {

    public static final String TUNING = "tuning";
    public static final String HELD_OUT = "held-out";

    /** One note of the set, with its attachment's extracted text (or null) and its expected themes. */
    public record Note(String id, String cohort, String library, LocalDate date, boolean shared, String title,
            String body, String attachmentName, String attachmentText, Set<String> themes) {
    }

    private final List<Note> notes;
    private final Map<String, String> parts;
    private final Set<String> genericWords;

    private EvaluationSet(List<Note> notes, Map<String, String> parts, Set<String> genericWords) {
        this.notes = notes;
        this.parts = parts;
        this.genericWords = genericWords;
    }

    public static EvaluationSet load() {
        Map<String, Set<String>> labels = new TreeMap<>();
        for (String[] row : rows("labels.tsv")) {
            labels.put(row[0], row[1].equals("-") ? Set.of()
                    : new TreeSet<>(Arrays.asList(row[1].split(","))));
        }
        Map<String, String> parts = new LinkedHashMap<>();
        for (String[] row : rows("split.tsv")) {
            parts.put(row[0], row[1]);
        }
        List<Note> notes = new ArrayList<>();
        for (Map.Entry<String, Set<String>> label : labels.entrySet()) {
            notes.add(parse(label.getKey(), read("notes/" + label.getKey() + ".md"), label.getValue()));
        }
        Set<String> generic = new TreeSet<>();
        for (String line : read("generic-words.txt").split("\\R")) {
            if (!line.startsWith("#")) {
                generic.addAll(Arrays.stream(line.strip().split("\\s+")).filter(w -> !w.isEmpty()).toList());
            }
        }
        return new EvaluationSet(List.copyOf(notes), parts, Set.copyOf(generic));
    }

    public List<Note> notes() {
        return notes;
    }

    public List<String> cohorts(String part) {
        return parts.entrySet().stream().filter(e -> e.getValue().equals(part)).map(Map.Entry::getKey).toList();
    }

    /** The notes a cohort's themes are computed from: those shared with the cohort. */
    public List<Note> sharedInCohort(String cohort) {
        return notes.stream().filter(n -> n.cohort().equals(cohort) && n.shared()).toList();
    }

    /** The notes of a library's own themes: all of them, private ones included. */
    public List<Note> ofLibrary(String library) {
        return notes.stream().filter(n -> n.library().equals(library)).toList();
    }

    public List<String> libraries(String cohort) {
        return notes.stream().filter(n -> n.cohort().equals(cohort)).map(Note::library).distinct().sorted().toList();
    }

    public Set<String> genericWords() {
        return genericWords;
    }

    /** The notes as {@code ThemeNotes} reads them: body and each attachment's text apart. */
    public static List<NoteText> noteTexts(List<Note> notes) {
        return notes.stream().map(n -> new NoteText(n.id(), n.library(), n.title(), n.date(), 1, n.body(),
                n.attachmentText() == null ? List.of() : List.of(n.attachmentText()))).toList();
    }

    /** Expected themes of a set of notes: every label at least two of them carry, with those notes. */
    static Map<String, Set<String>> expected(List<Note> scope) {
        Map<String, Set<String>> byTheme = new TreeMap<>();
        for (Note note : scope) {
            for (String theme : note.themes()) {
                byTheme.computeIfAbsent(theme, t -> new TreeSet<>()).add(note.id());
            }
        }
        return byTheme.entrySet().stream().filter(e -> e.getValue().size() >= 2)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
    }

    private static Note parse(String id, String text, Set<String> themes) {
        int separator = text.indexOf("\n---\n");
        Map<String, String> header = new LinkedHashMap<>();
        for (String line : text.substring(0, separator).split("\n")) {
            int colon = line.indexOf(':');
            header.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
        }
        String attachment = header.get("attachment");
        return new Note(id, header.get("cohort"), header.get("library"), LocalDate.parse(header.get("date")),
                "cohort".equals(header.get("visibility")), header.get("title"), text.substring(separator + 5),
                attachment, attachment == null ? null : read("attachments/" + attachment + ".txt"), themes);
    }

    private static List<String[]> rows(String name) {
        return Arrays.stream(read(name).split("\\R")).filter(l -> !l.isBlank() && !l.startsWith("#"))
                .map(l -> l.split("\t")).toList();
    }

    private static String read(String name) {
        try (InputStream in = EvaluationSet.class.getResourceAsStream("/themes-eval/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing evaluation file " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
