package org.outward.catalog.session;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.List;
import org.outward.platform.errors.BadRequestException;
import org.outward.platform.security.Caller;
import org.outward.platform.security.StaffOnly;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Attendance (staff): per person, or a CSV of attendee addresses (multipart field {@code file}, at most 5 MB and
 * 10,000 rows) that is previewed first and then committed whole.
 */
@RestController
@RequestMapping("/api/catalog/sessions/{id}/attendance")
@Tag(name = "Sessions")
public class AttendanceController {

    private final Attendance attendance;

    public AttendanceController(Attendance attendance) {
        this.attendance = attendance;
    }

    @GetMapping
    @Operation(summary = "Who attended (staff)")
    public List<Attendee> list(@StaffOnly Caller caller, @PathVariable String id) {
        return attendance.of(id);
    }

    @PutMapping("/{memberId}")
    @Operation(summary = "Mark a person attended (staff): ProgressRecorded session-attended")
    public SessionView mark(@StaffOnly Caller caller, @PathVariable String id, @PathVariable String memberId) {
        return attendance.mark(id, memberId, true, caller.subject());
    }

    @DeleteMapping("/{memberId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Take an attendance mark back (staff): ProgressRecorded")
    public void unmark(@StaffOnly Caller caller, @PathVariable String id, @PathVariable String memberId) {
        attendance.mark(id, memberId, false, caller.subject());
    }

    @PostMapping(value = "/csv/preview", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "What an attendance CSV would record: matched, unmatched and bad rows by line (staff);"
            + " nothing is saved")
    public AttendancePreview preview(@StaffOnly Caller caller, @PathVariable String id,
            @RequestParam(value = "file", required = false) MultipartFile file) throws IOException {
        return attendance.preview(id, bytes(file));
    }

    @PostMapping(value = "/csv", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Record an attendance CSV, all or nothing (staff): ProgressRecorded per new attendee")
    public AttendanceResult commit(@StaffOnly Caller caller, @PathVariable String id,
            @RequestParam(value = "file", required = false) MultipartFile file,
            @RequestParam(defaultValue = "false") boolean skipUnmatched) throws IOException {
        return attendance.commit(id, bytes(file), skipUnmatched, caller.subject());
    }

    private static byte[] bytes(MultipartFile file) throws IOException {
        if (file == null || file.isEmpty()) {
            throw new BadRequestException("file", "is required: a CSV of attendee email addresses");
        }
        return file.getBytes();
    }
}
