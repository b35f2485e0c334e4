package org.outward.catalog.roster;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/catalog")
public class LibraryController {

    private final LibraryService libraries;

    public LibraryController(LibraryService libraries) {
        this.libraries = libraries;
    }

    @PostMapping("/cohorts/{cohortId}/libraries")
    public ResponseEntity<LibraryView> add(@PathVariable String cohortId, @Valid @RequestBody AddLibraryRequest request) {
        LibraryView added = libraries.add(cohortId, request);
        return ResponseEntity.created(URI.create("/api/catalog/libraries/" + added.id())).body(added);
    }

    @GetMapping("/cohorts/{cohortId}/libraries")
    public List<LibraryView> list(@PathVariable String cohortId) {
        return libraries.listInCohort(cohortId);
    }

    @GetMapping("/libraries/{id}")
    public LibraryView get(@PathVariable String id) {
        return libraries.get(id);
    }
}
