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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Cohorts: staff create them and see all; a library member sees only their own (others are 404). */
@RestController
@RequestMapping("/api/catalog/cohorts")
@Tag(name = "Roster")
public class CohortController {

    private final CohortService cohorts;

    public CohortController(CohortService cohorts) {
        this.cohorts = cohorts;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a cohort (staff)")
    public ResponseEntity<CohortView> create(@StaffOnly Caller caller, @Valid @RequestBody CreateCohortRequest request) {
        CohortView created = cohorts.create(request);
        return ResponseEntity.created(URI.create("/api/catalog/cohorts/" + created.id())).body(created);
    }

    /** Every cohort the caller may see, or with ?slug= the one with that slug (an empty list when there is none). */
    @GetMapping
    @Operation(summary = "List cohorts (members: their own)")
    public List<CohortView> list(Caller caller, @RequestParam(required = false) String slug) {
        return cohorts.list(slug == null || slug.isBlank() ? null : slug).stream()
                .filter(cohort -> caller.canAccessCohort(cohort.id()))
                .toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One cohort (members: their own)")
    public CohortView get(Caller caller, @PathVariable String id) {
        caller.requireCohort(id);
        return cohorts.get(id);
    }
}
