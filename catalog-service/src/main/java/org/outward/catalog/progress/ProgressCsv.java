package org.outward.catalog.progress;

import java.util.ArrayList;
import java.util.List;

/**
 * The matrix as CSV (RFC 4180, CRLF line ends): library id and name, then two columns per webinar
 * in series order: "{slug} watched" (yes/no) and "{slug} resources done" (done/total).
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
        });
        line(csv, header);
        for (ProgressMatrix.Row row : matrix.rows()) {
            List<String> cells = new ArrayList<>(List.of(row.libraryId(), row.libraryName()));
            row.cells().forEach(cell -> {
                cells.add(cell.watched() ? "yes" : "no");
                cells.add(cell.resourcesDone().size() + "/" + cell.resourcesTotal());
            });
            line(csv, cells);
        }
        return csv.toString();
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
