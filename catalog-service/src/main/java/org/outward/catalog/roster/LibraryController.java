package org.outward.catalog.roster;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.outward.platform.security.Caller;
import org.outward.platform.security.StaffOnly;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Libraries: staff add and remove them; members see their cohort's list and their own library. */
@RestController
@RequestMapping("/api/catalog")
@Tag(name = "Roster")
public class LibraryController {

    private final LibraryService libraries;

    public LibraryController(LibraryService libraries) {
        this.libraries = libraries;
    }

    @PostMapping("/cohorts/{cohortId}/libraries")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a library to a cohort (staff): LibraryJoinedCohort")
    public ResponseEntity<LibraryView> add(@StaffOnly Caller caller, @PathVariable String cohortId,
            @Valid @RequestBody AddLibraryRequest request) {
        LibraryView added = libraries.add(cohortId, request);
        return ResponseEntity.created(URI.create("/api/catalog/libraries/" + added.id())).body(added);
    }

    @GetMapping("/cohorts/{cohortId}/libraries")
    @Operation(summary = "The cohort's libraries (members: their own cohort)")
    public List<LibraryView> list(Caller caller, @PathVariable String cohortId) {
        caller.requireCohort(cohortId);
        return libraries.listInCohort(cohortId);
    }

    @GetMapping("/libraries/{id}")
    @Operation(summary = "One library (members: their own)")
    public LibraryView get(Caller caller, @PathVariable String id) {
        caller.requireLibrary(id);
        return libraries.get(id);
    }

    @DeleteMapping("/libraries/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a library from its cohort (staff): LibraryLeftCohort")
    public void remove(@StaffOnly Caller caller, @PathVariable String id) {
        libraries.remove(id);
    }
}
