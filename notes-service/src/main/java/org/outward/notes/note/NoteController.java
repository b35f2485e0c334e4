package org.outward.notes.note;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.outward.platform.security.Caller;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@Tag(name = "Notes", description = "Conversation notes of the libraries, with their attachments")
@RestController
@RequestMapping("/api/notes")
class NoteController {

    private final NoteService notes;
    private final NoteMetadataReader metadata;

    NoteController(NoteService notes, NoteMetadataReader metadata) {
        this.notes = notes;
        this.metadata = metadata;
    }

    /**
     * The Location is a path, not an absolute URL: the gateway forwards paths unchanged, so the
     * path is right both behind it and when the service is called directly.
     */
    @Operation(summary = "Upload a text-only note for the caller's library (library members)")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<NoteView> upload(@Validated({jakarta.validation.groups.Default.class,
            UploadNoteRequest.TextOnly.class}) @RequestBody UploadNoteRequest request, Caller caller) {
        return created(notes.upload(caller, request, List.of()));
    }

    /**
     * Part {@code note}: the metadata as JSON (same fields as the JSON upload; the body may be left
     * out when there are files; any or no part Content-Type); parts {@code files}: attachments.
     */
    @Operation(summary = "Upload a note with attachments, multipart/form-data (library members)")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<NoteView> uploadMultipart(@RequestPart("note") String note,
            @RequestPart(name = "files", required = false) List<MultipartFile> files, Caller caller)
            throws MethodArgumentNotValidException {
        UploadNoteRequest request = metadata.read(note);
        return created(notes.upload(caller, request, files == null ? List.of() : files));
    }

    @Operation(summary = "Add attachments to a note (members of its library; If-Match required)")
    @PostMapping(path = "/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<NoteView> addAttachments(@PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestPart(name = "files", required = false) List<MultipartFile> files, Caller caller) {
        return withETag(notes.addAttachments(caller, id, ifMatch, files == null ? List.of() : files));
    }

    @Operation(summary = "Read a note (its library, its cohort when shared, staff)")
    @GetMapping("/{id}")
    ResponseEntity<NoteView> get(@PathVariable String id, Caller caller) {
        return withETag(notes.get(caller, id));
    }

    @Operation(summary = "List the notes the caller may read, with filters")
    @GetMapping
    NotePage list(@ParameterObject @Validated NoteListQuery query, Caller caller) {
        return notes.list(caller, query);
    }

    @Operation(summary = "Edit a note's metadata and body (members of its library; If-Match required)")
    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<NoteView> update(@PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Validated @RequestBody UploadNoteRequest request, Caller caller) {
        return withETag(notes.update(caller, id, ifMatch, request));
    }

    @Operation(summary = "Delete a note and its attachments (members of its library; If-Match checked when sent)")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, Caller caller) {
        notes.delete(caller, id, ifMatch);
    }

    /**
     * The bytes with the type detected at upload, always as an attachment (never rendered inline
     * by the browser, with nosniff from the security headers), the name in RFC 6266 form.
     */
    @Operation(summary = "Download an attachment (whoever may read the note)")
    @GetMapping("/{id}/attachments/{attachmentId}")
    ResponseEntity<Resource> download(@PathVariable String id, @PathVariable String attachmentId, Caller caller) {
        Attachment attachment = notes.attachment(caller, id, attachmentId);
        InputStream content = notes.open(attachment);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(attachment.type()))
                .contentLength(attachment.size())
                .header(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(attachment.name()))
                .eTag("\"" + attachment.sha256() + "\"")
                .body(new InputStreamResource(content));
    }

    /** {@code attachment; filename="ascii fallback"; filename*=UTF-8''percent-encoded} (RFC 6266, RFC 8187). */
    static String contentDisposition(String name) {
        StringBuilder ascii = new StringBuilder();
        name.codePoints().forEach(cp -> ascii.append(cp >= 0x20 && cp < 0x7f && cp != '"' && cp != '\\'
                ? (char) cp : '_'));
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }

    private static ResponseEntity<NoteView> created(NoteView note) {
        return ResponseEntity.created(URI.create("/api/notes/" + note.id())).eTag(ETags.of(note.version()))
                .body(note);
    }

    private static ResponseEntity<NoteView> withETag(NoteView note) {
        return ResponseEntity.ok().eTag(ETags.of(note.version())).body(note);
    }
}
