package org.outward.notification.digest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.outward.contracts.roster.RosterStanding;
import org.outward.notification.recipient.Library;
import org.outward.notification.recipient.Recipient;
import org.outward.notification.recipient.RosterReadModel;
import org.outward.platform.errors.BadRequestException;
import org.outward.platform.errors.ConflictException;
import org.outward.platform.errors.NotFoundException;
import org.outward.platform.security.Caller;
import org.outward.platform.security.StaffOnly;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Staff only: run the due digests now, and see what a recipient's next digests would contain. */
@RestController
@Tag(name = "Digests")
class DigestController {

    private final DigestRuns runs;
    private final DigestPreview preview;
    private final RosterReadModel roster;
    private final Clock clock;

    DigestController(DigestRuns runs, DigestPreview preview, RosterReadModel roster, Clock clock) {
        this.runs = runs;
        this.preview = preview;
        this.roster = roster;
        this.clock = clock;
    }

    /** How far ahead a run may be brought forward: a month (several daily windows in a row, for system tests). */
    static final Duration MAX_AHEAD = Duration.ofDays(31);

    @PostMapping("/api/notifications/digests/run")
    @Operation(summary = "Build and queue every digest that is due now (staff); 409 while another run holds the lock. "
            + "With at (ISO-8601 instant, up to 31 days ahead): the digests whose windows close by then, sent now")
    DigestJob.RunSummary run(@StaffOnly Caller caller, @RequestParam(required = false) String at) {
        Instant now = clock.instant();
        Instant asOf = now;
        if (at != null && !at.isBlank()) {
            try {
                asOf = Instant.parse(at.trim());
            } catch (DateTimeParseException e) {
                throw new BadRequestException("at", "must be an ISO-8601 instant such as 2026-03-01T08:00:00Z");
            }
            if (asOf.isBefore(now) || asOf.isAfter(now.plus(MAX_AHEAD))) {
                throw new BadRequestException("at", "must be between now and 31 days ahead");
            }
        }
        return runs.runAsOf(asOf).orElseThrow(() -> new ConflictException(null, "A digest run is in progress."));
    }

    @GetMapping("/api/notifications/digests/preview")
    @Operation(summary = "A recipient's next daily/weekly digest as it stands now, nothing claimed (staff); 409 for"
            + " someone no longer reachable (removed from the roster, or their library left its cohort)")
    List<DigestPreview.Preview> preview(@StaffOnly Caller caller, @RequestParam(required = false) String recipient) {
        if (recipient == null || recipient.isBlank()) {
            throw new BadRequestException("recipient", "must be a member id or an email address");
        }
        Recipient who = roster.anyStanding(recipient.trim())
                .orElseThrow(() -> new NotFoundException("recipient", recipient));
        // No digest will reach them, so a preview would only show what their old audience still sees: say why instead.
        Optional<Library> library = roster.library(who.libraryId());
        if (!RosterReadModel.reachable(who, library)) {
            throw new ConflictException("recipient", unreachable(who, library));
        }
        return preview.of(who, clock.instant());
    }

    private static String unreachable(Recipient who, Optional<Library> library) {
        return switch (RosterStanding.of(who.toRosterPerson(), library.map(Library::toRosterLibrary)).status()) {
            case REMOVED -> "This person is no longer on the program's roster: they get no digests.";
            case LIBRARY_LEFT -> "This person's library is no longer in a cohort of the program: they get no digests.";
            case LIBRARY_UNKNOWN -> "This person's library is not known here (yet): they get no digests until it is.";
            default -> "This person has no email address on the roster: they get no digests.";
        };
    }
}
