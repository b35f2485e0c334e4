package org.outward.notes.export;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.outward.notes.calibration.CalibrationHistory;
import org.outward.notes.calibration.CalibrationService;
import org.outward.notes.theme.ThemeQueries;
import org.outward.notes.theme.ThemesView;
import org.outward.platform.security.Caller;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MimeTypeUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A library's public-knowledge report: its themes with evidence and its calibration history, as Markdown
 * ({@code Accept: text/markdown}, the default) or CSV ({@code Accept: text/csv}). The library's members and
 * staff only; anybody else gets 404, as for any resource they may not see.
 */
@RestController
@RequestMapping("/api/notes/reports")
@Tag(name = "Reports", description = "A library's public-knowledge report")
class ReportController {

    static final MediaType MARKDOWN = new MediaType("text", "markdown", StandardCharsets.UTF_8);
    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final ThemeQueries themes;
    private final CalibrationService calibrations;

    ReportController(ThemeQueries themes, CalibrationService calibrations) {
        this.themes = themes;
        this.calibrations = calibrations;
    }

    // One handler for both types: two handlers split by "produces" would be ambiguous for "Accept: */*".
    @GetMapping(value = "/{libraryId}", produces = {"text/markdown", "text/csv"})
    @Operation(summary = "A library's themes with evidence and its calibration history, as Markdown or CSV")
    ResponseEntity<String> report(Caller caller, @PathVariable String libraryId,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        caller.requireLibrary(libraryId);
        ThemesView view = themes.ofLibraryNow(libraryId);
        CalibrationHistory history = calibrations.history(libraryId);
        boolean csv = prefersCsv(accept);
        String body = csv ? ReportRenderer.csv(view, history) : ReportRenderer.markdown(libraryId, view, history);
        String filename = "public-knowledge-" + libraryId.replaceAll("[^A-Za-z0-9._-]", "_") + (csv ? ".csv" : ".md");
        return ResponseEntity.ok()
                .contentType(csv ? CSV : MARKDOWN)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename(filename, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }

    /** CSV when the most preferred acceptable type is text/csv; Markdown otherwise. */
    private static boolean prefersCsv(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        List<MediaType> types = MediaType.parseMediaTypes(accept);
        MimeTypeUtils.sortBySpecificity(types);
        types.sort((a, b) -> Double.compare(b.getQualityValue(), a.getQualityValue()));
        for (MediaType type : types) {
            if (type.isCompatibleWith(CSV) && !type.isWildcardSubtype()) {
                return true;
            }
            if (type.isCompatibleWith(MARKDOWN)) {
                return false;
            }
        }
        return false;
    }
}
