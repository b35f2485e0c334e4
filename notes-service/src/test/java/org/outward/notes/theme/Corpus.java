package org.outward.notes.theme;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fixture corpus under {@code src/test/resources/corpus}: realistic conversation notes, each a small
 * header ({@code library}, {@code date}, {@code topic}, {@code visibility}, {@code title}), a {@code ---} line, and
 * the note's text. {@code topic} is what a human filed it under: the tests check themes against it.
 */
public final class Corpus {

    /** One fixture note. */
    public record Entry(String name, String library, LocalDate date, String topic, String visibility, String title,
            String body) {

        public NoteText noteText() {
            return new NoteText(name, library, title, date, body);
        }
    }

    private Corpus() {
    }

    public static List<Entry> load() {
        List<Entry> entries = new ArrayList<>();
        for (String name : read("index.txt").split("\\R")) {
            if (!name.isBlank()) {
                entries.add(parse(name.strip().replace(".md", ""), read(name.strip())));
            }
        }
        return entries;
    }

    private static Entry parse(String name, String text) {
        int separator = text.indexOf("\n---\n");
        Map<String, String> header = new LinkedHashMap<>();
        for (String line : text.substring(0, separator).split("\n")) {
            int colon = line.indexOf(':');
            header.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
        }
        return new Entry(name, header.get("library"), LocalDate.parse(header.get("date")), header.get("topic"),
                header.get("visibility"), header.get("title"), text.substring(separator + 5));
    }

    private static String read(String name) {
        try (InputStream in = Corpus.class.getResourceAsStream("/corpus/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing corpus file " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
