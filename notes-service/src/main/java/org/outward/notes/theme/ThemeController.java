package org.outward.notes.theme;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.outward.platform.errors.BadRequestException;
import org.outward.platform.errors.ForbiddenException;
import org.outward.platform.security.Caller;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Public knowledge: the prevalent themes of a library (all its notes: only its members and staff may read
 * them), of a library's notes shared with the cohort (readable by the cohort's members and staff) and of a
 * cohort (notes shared with the cohort only: readable by the cohort's members and staff). See docs/privacy.md.
 */
@RestController
@RequestMapping("/api/notes/themes")
@Tag(name = "Themes", description = "Prevalent themes of conversation notes, with their evidence")
class ThemeController {

    private final ThemeQueries queries;

    ThemeController(ThemeQueries queries) {
        this.queries = queries;
    }

    @GetMapping
    @Operation(summary = "A library's prevalent themes (a member: own library only; staff: any)")
    ThemesView library(Caller caller, @RequestParam(required = false) String libraryId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        String library = libraryId;
        if (library == null || library.isBlank()) {
            if (caller.isStaff()) {
                throw new BadRequestException("libraryId", "is required");
            }
            library = caller.ownLibrary();
        }
        caller.requireLibrary(library);
        return queries.ofLibrary(library, from, to);
    }

    /**
     * A member always gets the library's notes shared with their own cohort, so asking about a library of
     * another cohort answers an empty set, exactly as listing that library's notes would.
     */
    @GetMapping("/shared")
    @Operation(summary = "A library's themes from its notes shared with the cohort only (the cohort's members; staff)")
    ThemesView librarySharedThemes(Caller caller, @RequestParam(required = false) String libraryId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        String library = libraryId;
        if (library == null || library.isBlank()) {
            if (caller.isStaff()) {
                throw new BadRequestException("libraryId", "is required");
            }
            library = caller.ownLibrary();
        }
        if (caller.isStaff()) {
            return queries.ofLibraryShared(library, null, from, to);
        }
        if (!caller.roles().contains(Caller.MEMBER) || caller.cohortId() == null) {
            throw new ForbiddenException("Only members of a cohort read the themes shared in it.");
        }
        return queries.ofLibraryShared(library, caller.cohortId(), from, to);
    }

    @GetMapping("/cohort")
    @Operation(summary = "A cohort's prevalent themes, from notes shared with the cohort only (its members; staff)")
    ThemesView cohort(Caller caller, @RequestParam(required = false) String cohortId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        String cohort = cohortId;
        if (cohort == null || cohort.isBlank()) {
            if (caller.isStaff() || caller.cohortId() == null) {
                throw new BadRequestException("cohortId", "is required");
            }
            cohort = caller.cohortId();
        }
        caller.requireCohort(cohort);
        return queries.ofCohort(cohort, from, to);
    }
}
