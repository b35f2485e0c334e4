package org.outward.platform.roster;

import org.outward.contracts.DecodedEvent;

/**
 * What a service does when its {@link RosterMirror} stored a roster event (a person added, a library joined ...),
 * with the mirror already showing it. Called in the processing of that record, after the mirror: a failure retries
 * both, so a handler must be idempotent. Not called for an event older than what the mirror held. Because one
 * consumer applies the roster topic's records one after another, whichever of two related events (a member, their
 * library) is stored second sees the other one in the mirror.
 */
public interface RosterChangeHandler {

    void stored(DecodedEvent<?> event);
}
