package org.outward.catalog.progress;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.outward.platform.security.Caller;
import org.outward.platform.security.StaffOnly;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Progress marks: a library's members (or staff) mark a webinar watched and its resources done with
 * PUT (200 with the library's progress on that webinar) and take a mark back with DELETE (204, like every
 * DELETE of the API); both are idempotent. Another library's progress does not exist for a member (404, reads and writes alike). The cohort matrix
 * is for staff, as JSON or CSV ({@code Accept: text/csv}).
 */
@RestController
@RequestMapping("/api/catalog")
@Tag(name = "Progress")
public class ProgressController {

    static final String CSV = "text/csv";
    static final MediaType CSV_UTF8 = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final ProgressService progress;

    public ProgressController(ProgressService progress) {
        this.progress = progress;
    }

    @PutMapping("/libraries/{libraryId}/progress/{webinarId}/watched")
    @Operation(summary = "Mark a webinar watched (own library): ProgressRecorded")
    public ProgressView markWatched(Caller caller, @PathVariable String libraryId, @PathVariable String webinarId) {
        caller.requireLibrary(libraryId);
        return progress.record(libraryId, webinarId, null, true, caller.subject());
    }

    @DeleteMapping("/libraries/{libraryId}/progress/{webinarId}/watched")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Take back 'watched' (own library): ProgressRecorded")
    public void unmarkWatched(Caller caller, @PathVariable String libraryId, @PathVariable String webinarId) {
        caller.requireLibrary(libraryId);
        progress.record(libraryId, webinarId, null, false, caller.subject());
    }

    @PutMapping("/libraries/{libraryId}/progress/{webinarId}/resources/{resourceKey}")
    @Operation(summary = "Mark a resource done (own library): ProgressRecorded")
    public ProgressView markResource(Caller caller, @PathVariable String libraryId, @PathVariable String webinarId,
            @PathVariable String resourceKey) {
        caller.requireLibrary(libraryId);
        return progress.record(libraryId, webinarId, resourceKey, true, caller.subject());
    }

    @DeleteMapping("/libraries/{libraryId}/progress/{webinarId}/resources/{resourceKey}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Take back 'resource done' (own library): ProgressRecorded")
    public void unmarkResource(Caller caller, @PathVariable String libraryId, @PathVariable String webinarId,
            @PathVariable String resourceKey) {
        caller.requireLibrary(libraryId);
        progress.record(libraryId, webinarId, resourceKey, false, caller.subject());
    }

    @GetMapping("/libraries/{libraryId}/progress")
    @Operation(summary = "A library's progress (own library)")
    public List<ProgressView> ofLibrary(Caller caller, @PathVariable String libraryId) {
        caller.requireLibrary(libraryId);
        return progress.ofLibrary(libraryId);
    }

    @GetMapping(value = "/cohorts/{cohortId}/progress", produces = {MediaType.APPLICATION_JSON_VALUE,
            MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    @Operation(summary = "The cohort's progress matrix, libraries x webinars (staff)")
    public ProgressMatrix matrix(@StaffOnly Caller caller, @PathVariable String cohortId) {
        return progress.matrix(cohortId);
    }

    @GetMapping(value = "/cohorts/{cohortId}/progress", produces = CSV)
    @Operation(summary = "The cohort's progress matrix as CSV (staff)")
    public ResponseEntity<String> matrixCsv(@StaffOnly Caller caller, @PathVariable String cohortId) {
        ProgressMatrix matrix = progress.matrix(cohortId);
        return ResponseEntity.ok()
                .contentType(CSV_UTF8) // library names are not ASCII everywhere
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("progress-" + matrix.cohortId() + ".csv").build().toString())
                .body(ProgressCsv.of(matrix));
    }
}
