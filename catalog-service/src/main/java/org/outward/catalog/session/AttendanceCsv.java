package org.outward.catalog.session;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.outward.platform.errors.BadRequestException;

/**
 * Reads an attendance CSV: UTF-8 (a byte-order mark is allowed), one attendee per row. When the first row has a
 * cell "email" it is the header and that column holds the addresses; otherwise the first column does. Cells may
 * be quoted ("..." with "" for a quote, RFC 4180). Blank rows are skipped. Line numbers are the file's own (the
 * header is line 1), so a coordinator finds the row in a spreadsheet.
 */
final class AttendanceCsv {

    static final int MAX_ROWS = 10_000;

    /** Deliberately loose (the roster decides who is known); it catches cells that are plainly not an address. */
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s,;<>\"]+@[^@\\s,;<>\"]+\\.[^@\\s,;<>\"]+$");

    record Row(int line, String email) {
    }

    record Problem(int line, String message) {
    }

    record Parsed(List<Row> rows, List<Problem> problems) {
    }

    private AttendanceCsv() {
    }

    static Parsed parse(byte[] bytes) {
        String text = decode(bytes);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<Row> rows = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        String[] lines = text.split("\r\n|\n|\r", -1);
        int column = 0;
        int first = 0;
        while (first < lines.length && lines[first].isBlank()) {
            first++;
        }
        if (first < lines.length) {
            List<String> header = cells(lines[first], first + 1, problems);
            for (int i = 0; i < header.size(); i++) {
                if (header.get(i).strip().toLowerCase(Locale.ROOT).equals("email")) {
                    column = i;
                    first++;
                    break;
                }
            }
        }
        int dataRows = 0;
        for (int index = first; index < lines.length; index++) {
            int line = index + 1;
            if (lines[index].isBlank()) {
                continue;
            }
            if (++dataRows > MAX_ROWS) {
                throw new BadRequestException("file", "has more than " + MAX_ROWS + " rows");
            }
            List<String> cells = cells(lines[index], line, problems);
            if (cells == null) {
                continue;
            }
            String email = column < cells.size() ? cells.get(column).strip() : "";
            if (email.isEmpty()) {
                problems.add(new Problem(line, "has no email address"));
            } else if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
                problems.add(new Problem(line, "'" + shorten(email) + "' is not an email address"));
            } else {
                rows.add(new Row(line, email));
            }
        }
        return new Parsed(rows, problems);
    }

    /** The cells of one line; null (with a problem noted) when a quote is never closed. */
    private static List<String> cells(String line, int number, List<Problem> problems) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            problems.add(new Problem(number, "has a quote that is never closed"));
            return null;
        }
        cells.add(cell.toString());
        return cells;
    }

    private static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new BadRequestException("file", "is not UTF-8 text; save the CSV as UTF-8");
        }
    }

    private static String shorten(String value) {
        return value.length() > 60 ? value.substring(0, 60) + "…" : value;
    }
}
