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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/catalog/cohorts")
public class CohortController {

    private final CohortService cohorts;

    public CohortController(CohortService cohorts) {
        this.cohorts = cohorts;
    }

    @PostMapping
    public ResponseEntity<CohortView> create(@Valid @RequestBody CreateCohortRequest request) {
        CohortView created = cohorts.create(request);
        return ResponseEntity.created(URI.create("/api/catalog/cohorts/" + created.id())).body(created);
    }

    /** Every cohort, or with ?slug= the one with that slug (an empty list when there is none). */
    @GetMapping
    public List<CohortView> list(@RequestParam(required = false) String slug) {
        return cohorts.list(slug == null || slug.isBlank() ? null : slug);
    }

    @GetMapping("/{id}")
    public CohortView get(@PathVariable String id) {
        return cohorts.get(id);
    }
}
