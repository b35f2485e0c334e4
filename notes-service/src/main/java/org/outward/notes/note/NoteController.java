package org.outward.notes.note;

import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/notes")
class NoteController {

    private final NoteService notes;

    NoteController(NoteService notes) {
        this.notes = notes;
    }

    /**
     * The Location is a path, not an absolute URL: the gateway forwards paths unchanged, so the
     * path is right both behind it and when the service is called directly.
     */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<NoteView> upload(@Valid @RequestBody UploadNoteRequest request) {
        NoteView note = notes.upload(request);
        return ResponseEntity.created(URI.create("/api/notes/" + note.id()))
                .eTag(Long.toString(note.version()))
                .body(note);
    }

    @GetMapping("/{id}")
    ResponseEntity<NoteView> get(@PathVariable String id) {
        NoteView note = notes.get(id);
        return ResponseEntity.ok().eTag(Long.toString(note.version())).body(note);
    }

    @GetMapping
    NotePage list(@Valid NoteListQuery query) {
        return notes.list(query);
    }
}
