package org.outward.notification.invitation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Optional;
import org.outward.contracts.roster.RosterStanding;
import org.outward.notification.recipient.Library;
import org.outward.notification.recipient.Recipient;
import org.outward.notification.recipient.RosterReadModel;
import org.outward.platform.errors.ConflictException;
import org.outward.platform.errors.NotFoundException;
import org.outward.platform.security.Caller;
import org.outward.platform.security.StaffOnly;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Staff send someone's account invitation (the sign-in link) again. */
@RestController
@Tag(name = "Invitations")
class InvitationController {

    /** What was queued: the email's key finds it in the delivery log. */
    record Queued(String memberId, String email, String key) {
    }

    private final AccountInvitations invitations;
    private final RosterReadModel roster;

    InvitationController(AccountInvitations invitations, RosterReadModel roster) {
        this.invitations = invitations;
        this.roster = roster;
    }

    @PostMapping("/api/notifications/invitations/{memberId}")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Send a person's account invitation (the sign-in link) again (staff); 409 for someone who"
            + " may not sign in")
    Queued resend(@StaffOnly Caller caller, @PathVariable String memberId) {
        Recipient person = roster.recipient(memberId).orElseThrow(() -> new NotFoundException("Member", memberId));
        Optional<Library> library = roster.library(person.libraryId());
        if (!RosterReadModel.reachable(person, library)) {
            throw new ConflictException("memberId", switch (RosterStanding.of(person.toRosterPerson(),
                    library.map(Library::toRosterLibrary)).status()) {
                case REMOVED -> "This person is no longer on the program's roster: they may not sign in.";
                case LIBRARY_LEFT -> "This person's library is no longer in a cohort of the program: they may not"
                        + " sign in.";
                case LIBRARY_UNKNOWN -> "This person's library is not known here (yet); try again in a moment.";
                default -> "This person has no email address on the roster.";
            });
        }
        return new Queued(person.memberId(), person.email(), invitations.resend(person, library));
    }
}
