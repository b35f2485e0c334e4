package org.outward.platform.security;

import java.util.Set;
import org.outward.contracts.roster.RosterStanding;
import org.outward.contracts.roster.RosterView;
import org.outward.platform.errors.ForbiddenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who a validated token's bearer is <em>now</em>: the person is looked up on the service's roster view by the
 * token's email address on every request, so access ends within moments of a removal, whatever the token's expiry.
 * The roster, not the token, says a person's role, library and cohort.
 *
 * <ul>
 * <li>On the roster (and, for a library member, their library in its cohort): admitted as the roster says.</li>
 * <li>Removed from the roster, or a member whose library left its cohort: refused.</li>
 * <li>A library member this service has not heard of (yet), or whose library it has not heard of: refused.
 *     Roster events reach each service a moment after the catalog wrote them; until then the safe answer is no.</li>
 * <li>Program staff never on the roster: admitted on the token's word. The identity provider vouches for them
 *     (the bootstrap staff who creates the roster is not on it); staff who are removed from the roster are refused
 *     like anyone else.</li>
 * <li>A token without an email address cannot be matched to the roster: refused.</li>
 * </ul>
 */
public class RosterCheck {

    private static final Logger log = LoggerFactory.getLogger(RosterCheck.class);

    private final RosterView roster;

    public RosterCheck(RosterView roster) {
        this.roster = roster;
    }

    /** The caller as the roster knows them; {@link ForbiddenException} when the roster does not let them in. */
    public Caller admit(Jwt jwt) {
        Caller claimed = CallerArgumentResolver.fromJwt(jwt);
        if (claimed.email() == null || claimed.email().isBlank()) {
            throw refused(claimed, "no email", "Your access token names no email address to find you on the roster.");
        }
        RosterStanding standing = roster.standing(claimed.email());
        switch (standing.status()) {
            case ACTIVE -> {
                var person = standing.person();
                String role = person.isStaff() ? Caller.STAFF : Caller.MEMBER;
                String cohort = standing.library() != null ? standing.library().cohortId() : person.cohortId();
                return new Caller(claimed.subject(), claimed.email(), Set.of(role), person.libraryId(),
                        person.isStaff() ? null : cohort);
            }
            case REMOVED -> throw refused(claimed, "removed", "You are no longer on the program's roster.");
            case LIBRARY_LEFT -> throw refused(claimed, "library left",
                    "Your library is no longer in a cohort of the program.");
            case LIBRARY_UNKNOWN -> throw refused(claimed, "library unknown",
                    "Your library is not on the program's roster here (yet).");
            default -> {
                if (claimed.isStaff()) {
                    return new Caller(claimed.subject(), claimed.email(), Set.of(Caller.STAFF), null, null);
                }
                throw refused(claimed, "unknown", "You are not on the program's roster here (yet).");
            }
        }
    }

    private static ForbiddenException refused(Caller claimed, String why, String detail) {
        log.info("refused subject={} by the roster: {}", claimed.subject(), why);
        return new ForbiddenException(detail);
    }
}
