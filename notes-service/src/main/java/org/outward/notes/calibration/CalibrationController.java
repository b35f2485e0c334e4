package org.outward.notes.calibration;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import org.outward.platform.errors.BadRequestException;
import org.outward.platform.errors.ForbiddenException;
import org.outward.platform.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Community-stage calibrations. Recording one is the library's own judgement: only its members may (staff
 * read them). Reading: the library's members and staff.
 */
@RestController
@RequestMapping("/api/notes/calibrations")
@Tag(name = "Calibrations", description = "A library's community stage, with its reasons and history")
class CalibrationController {

    private final CalibrationService service;

    CalibrationController(CalibrationService service) {
        this.service = service;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record the community's stage (a member, for their own library)")
    ResponseEntity<Calibration> calibrate(Caller caller, @Valid @RequestBody CalibrationRequest request) {
        if (!caller.roles().contains(Caller.MEMBER)) {
            throw new ForbiddenException("A calibration is recorded by a member of the library.");
        }
        String library = caller.ownLibrary();
        if (request.libraryId() != null && !request.libraryId().strip().equals(library)) {
            throw new ForbiddenException("You may only calibrate your own library.");
        }
        Calibration calibration = service.calibrate(library, caller.cohortId(), caller.subject(), request);
        URI location = UriComponentsBuilder.fromPath("/api/notes/calibrations").queryParam("libraryId", library)
                .encode().build().toUri();
        return ResponseEntity.created(location).body(calibration);
    }

    @GetMapping
    @Operation(summary = "A library's calibrations, newest first (its members; staff)")
    CalibrationHistory history(Caller caller, @RequestParam(required = false) String libraryId) {
        String library = libraryId;
        if (library == null || library.isBlank()) {
            if (caller.isStaff()) {
                throw new BadRequestException("libraryId", "is required");
            }
            library = caller.ownLibrary();
        }
        caller.requireLibrary(library);
        return service.history(library);
    }
}
