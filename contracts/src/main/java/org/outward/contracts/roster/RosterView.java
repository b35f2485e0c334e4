package org.outward.contracts.roster;

import java.util.List;
import java.util.Optional;

/**
 * What a service knows of the roster (catalog-service: its own roster; every other consumer: a read model of
 * the roster topic). Lookups are local and cheap: they run on every request.
 */
public interface RosterView {

    /** Everyone known with this email address (any case), removed people included; usually one. */
    List<RosterPerson> people(String email);

    /** The library, in its cohort or not; empty when it was never heard of. */
    Optional<RosterLibrary> library(String libraryId);

    /** Where the person with this email address stands; see {@link RosterStanding}. */
    default RosterStanding standing(String email) {
        return RosterStanding.of(this, email);
    }
}
