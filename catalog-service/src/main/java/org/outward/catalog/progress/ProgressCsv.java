package org.outward.catalog.progress;

import java.util.ArrayList;
import java.util.List;

/**
 * The matrices as CSV (RFC 4180, CRLF line ends). Libraries: library id and name, then three columns per webinar
 * in series order: "{slug} watched" (yes/no), "{slug} resources done" (done/total) and "{slug} done" (yes/no),
 * then "complete". People: member id, name, library id and name, then per webinar "{slug} attended" (sessions
 * attended), "{slug} recording watched" and "{slug} done", then "complete".
 */
final class ProgressCsv {

    private ProgressCsv() {
    }

    static String of(ProgressMatrix matrix) {
        StringBuilder csv = new StringBuilder();
        List<String> header = new ArrayList<>(List.of("library_id", "library_name"));
        matrix.webinars().forEach(column -> {
            header.add(column.slug() + " watched");
            header.add(column.slug() + " resources done");
            header.add(column.slug() + " done");
        });
        header.add("complete");
        line(csv, header);
        for (ProgressMatrix.Row row : matrix.rows()) {
            List<String> cells = new ArrayList<>(List.of(row.libraryId(), row.libraryName()));
            row.cells().forEach(cell -> {
                cells.add(cell.watched() ? "yes" : "no");
                cells.add(cell.resourcesDone().size() + "/" + cell.resourcesTotal());
                cells.add(yesNo(cell.done()));
            });
            cells.add(yesNo(row.complete()));
            line(csv, cells);
        }
        return csv.toString();
    }

    static String of(PeopleMatrix matrix) {
        StringBuilder csv = new StringBuilder();
        List<String> header = new ArrayList<>(List.of("member_id", "name", "library_id", "library_name"));
        matrix.webinars().forEach(column -> {
            header.add(column.slug() + " attended");
            header.add(column.slug() + " recording watched");
            header.add(column.slug() + " done");
        });
        header.add("complete");
        line(csv, header);
        for (PeopleMatrix.Row row : matrix.rows()) {
            List<String> cells = new ArrayList<>(List.of(row.memberId(), row.name(), row.libraryId(),
                    row.libraryName()));
            row.cells().forEach(cell -> {
                cells.add(String.valueOf(cell.attendedSessions().size()));
                cells.add(yesNo(cell.watchedRecording()));
                cells.add(yesNo(cell.done()));
            });
            cells.add(yesNo(row.complete()));
            line(csv, cells);
        }
        return csv.toString();
    }

    private static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }

    private static void line(StringBuilder csv, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(escape(values.get(i)));
        }
        csv.append("\r\n");
    }

    /** Quotes when needed; a leading =, +, - or @ is defused so a spreadsheet does not run it as a formula. */
    static String escape(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
