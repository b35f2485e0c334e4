package org.outward.notes.export;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.outward.notes.calibration.Calibration;
import org.outward.notes.calibration.CalibrationHistory;
import org.outward.notes.theme.Evidence;
import org.outward.notes.theme.Theme;
import org.outward.notes.theme.ThemesView;

/**
 * Writes a library's public-knowledge report: its themes with their evidence, then its calibration history,
 * as Markdown (to read and share) or as CSV (one row per theme, per evidence sentence and per calibration, to
 * open in a spreadsheet).
 */
final class ReportRenderer {

    static final List<String> CSV_COLUMNS = List.of("record", "theme_key", "theme_label", "weight", "note_count",
            "library_count", "sections", "note_id", "note_title", "conversation_date", "section", "text", "stage",
            "previous_stage", "calibrated_at", "supporting_note_ids");

    private ReportRenderer() {
    }

    static String markdown(String libraryId, ThemesView themes, CalibrationHistory calibrations) {
        StringBuilder md = new StringBuilder();
        md.append("# Public knowledge: ").append(inline(libraryId)).append("\n\n");
        md.append("Computed at ").append(themes.computedAt()).append(" from ").append(themes.noteCount())
                .append(themes.noteCount() == 1 ? " note" : " notes").append(".\n\n");
        md.append("## Themes\n\n");
        if (themes.themes().isEmpty()) {
            md.append("No theme yet: a theme needs at least two notes that raise it.\n\n");
        }
        int rank = 1;
        for (Theme theme : themes.themes()) {
            md.append("### ").append(rank++).append(". ").append(inline(theme.label())).append("\n\n");
            md.append("- Weight: ").append(String.format(Locale.ROOT, "%.3f", theme.weight())).append('\n');
            md.append("- Raised in ").append(theme.noteCount()).append(" notes by ").append(theme.libraryCount())
                    .append(theme.libraryCount() == 1 ? " library" : " libraries").append('\n');
            md.append("- Sections: ").append(String.join(", ", theme.sections())).append("\n\n");
            md.append("Evidence:\n\n");
            for (Evidence evidence : theme.evidence()) {
                md.append("> ").append(inline(evidence.sentence())).append("  \n> — ")
                        .append(inline(evidence.noteTitle())).append(", ").append(evidence.conversationDate())
                        .append(" (").append(evidence.section()).append(")\n\n");
            }
        }
        md.append("## Community stage\n\n");
        if (calibrations.history().isEmpty()) {
            md.append("Not calibrated yet.\n");
        } else {
            md.append("Current stage: **").append(calibrations.current().title()).append("**\n\n");
            md.append("| Calibrated at | Stage | Previous stage | Reasons | Supporting notes |\n");
            md.append("| --- | --- | --- | --- | --- |\n");
            for (Calibration c : calibrations.history()) {
                md.append("| ").append(DateTimeFormatter.ISO_INSTANT.format(c.calibratedAt()))
                        .append(" | ").append(c.stage().title())
                        .append(" | ").append(c.previousStage() == null ? "" : c.previousStage().title())
                        .append(" | ").append(cell(c.reasons()))
                        .append(" | ").append(cell(String.join(", ", c.supportingNoteIds()))).append(" |\n");
            }
        }
        return md.toString();
    }

    static String csv(ThemesView themes, CalibrationHistory calibrations) {
        StringBuilder csv = new StringBuilder();
        row(csv, CSV_COLUMNS);
        for (Theme t : themes.themes()) {
            String weight = String.format(Locale.ROOT, "%.3f", t.weight());
            row(csv, List.of("theme", t.key(), t.label(), weight, String.valueOf(t.noteCount()),
                    String.valueOf(t.libraryCount()), String.join(" ", t.sections()), "", "", "", "", "", "", "", "",
                    ""));
            for (Evidence e : t.evidence()) {
                row(csv, List.of("evidence", t.key(), t.label(), "", "", "", "", e.noteId(), nullToEmpty(e.noteTitle()),
                        e.conversationDate().toString(), e.section(), e.sentence(), "", "", "", ""));
            }
        }
        for (Calibration c : calibrations.history()) {
            row(csv, List.of("calibration", "", "", "", "", "", "", "", "", "", "", c.reasons(), c.stage().wireName(),
                    c.previousStage() == null ? "" : c.previousStage().wireName(),
                    DateTimeFormatter.ISO_INSTANT.format(c.calibratedAt()), String.join(" ", c.supportingNoteIds())));
        }
        return csv.toString();
    }

    /** RFC 4180 quoting; a cell a spreadsheet would run as a formula is prefixed with a quote. */
    static String csvCell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }

    private static void row(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            csv.append(i == 0 ? "" : ",").append(csvCell(cells.get(i)));
        }
        csv.append("\r\n");
    }

    /** Text from notes on one Markdown line: no line breaks, no HTML. */
    private static String inline(String text) {
        return nullToEmpty(text).replaceAll("\\s+", " ").replace("<", "&lt;").replace(">", "&gt;").strip();
    }

    private static String cell(String text) {
        return inline(text).replace("|", "\\|");
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
