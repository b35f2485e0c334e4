package org.outward.catalog.roster;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.outward.platform.concurrency.ETags;
import org.outward.platform.security.Caller;
import org.outward.platform.security.StaffOnly;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
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
    @Operation(summary = "One library (members: their own); its ETag is what a change sends in If-Match")
    public ResponseEntity<LibraryView> get(Caller caller, @PathVariable String id) {
        caller.requireLibrary(id);
        LibraryView library = libraries.get(id);
        return ResponseEntity.ok().eTag(ETags.of(library.version())).body(library);
    }

    @PutMapping("/libraries/{id}")
    @Operation(summary = "Change a library's name, city, state, contact and time zone (staff, If-Match required):"
            + " LibraryUpdated")
    public ResponseEntity<LibraryView> update(@StaffOnly Caller caller, @PathVariable String id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody AddLibraryRequest request) {
        Long expected = ETags.requiredVersion(ifMatch);
        LibraryView changed = libraries.update(id, request, expected);
        return ResponseEntity.ok().eTag(ETags.of(changed.version())).body(changed);
    }

    @DeleteMapping("/libraries/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a library from its cohort (staff): LibraryLeftCohort")
    public void remove(@StaffOnly Caller caller, @PathVariable String id) {
        libraries.remove(id);
    }
}
