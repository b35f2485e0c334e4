package org.outward.notification.calendar;

import org.outward.contracts.DecodedEvent;
import org.outward.contracts.Events;
import org.outward.notification.recipient.Recipient;
import org.outward.notification.recipient.RosterReadModel;
import org.outward.platform.roster.RosterChangeHandler;
import org.springframework.stereotype.Component;

/**
 * People who join after a session was scheduled are invited too: when the roster mirror stored a new or changed
 * person, or a library joining its cohort (its people were not reachable before, or their events came first), each
 * of them gets the invitations to the cohort's upcoming sessions they do not have yet.
 */
@Component
class LateJoiners implements RosterChangeHandler {

    private final RosterReadModel roster;
    private final InvitationNotices invitations;

    LateJoiners(RosterReadModel roster, InvitationNotices invitations) {
        this.roster = roster;
        this.invitations = invitations;
    }

    @Override
    public void stored(DecodedEvent<?> event) {
        if (event.is(Events.MEMBER_ADDED) || event.is(Events.MEMBER_UPDATED)) {
            roster.recipient(event.envelope().subject()).filter(person -> !person.removed())
                    .ifPresent(person -> invitations.catchUp(event.envelope(), person));
        } else if (event.is(Events.LIBRARY_JOINED_COHORT)) {
            for (Recipient person : roster.membersOf(event.envelope().subject())) {
                invitations.catchUp(event.envelope(), person);
            }
        }
    }
}
