package org.outward.contracts.roster;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.outward.contracts.DecodedEvent;
import org.outward.contracts.Events;
import org.outward.contracts.catalog.LibraryJoinedCohort;
import org.outward.contracts.catalog.LibraryLeftCohort;
import org.outward.contracts.catalog.LibraryUpdated;
import org.outward.contracts.catalog.MemberAdded;
import org.outward.contracts.catalog.MemberRemoved;
import org.outward.contracts.catalog.MemberUpdated;

/**
 * The roster held in memory, folded from the roster topic read from its start, for the processes that keep no
 * database (the gateway, the development identity provider). Each event applies only when it is not older than
 * what is held for its member or library ({@code occurredAt}), so redeliveries and out-of-order events are
 * harmless; removals are kept, not forgotten, so a late older {@code MemberAdded} cannot bring a person back.
 * {@code MemberUpdated} and {@code LibraryUpdated} carry the whole state, like the additions: a person's new address
 * replaces the old one (which no longer finds them), a move to another library is just their new library.
 * One thread applies events, any number read.
 */
public final class InMemoryRoster implements RosterView {

    private record Held<T>(T value, Instant asOf) {
    }

    private final Map<String, Held<RosterPerson>> people = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> memberIdsByEmail = new ConcurrentHashMap<>();
    private final Map<String, Held<RosterLibrary>> libraries = new ConcurrentHashMap<>();

    /**
     * Applies a roster event; other event types are ignored.
     *
     * @return whether the event changed what is held (false when it was older than that, or not a roster event)
     */
    public boolean apply(DecodedEvent<?> event) {
        Instant at = event.envelope().occurredAt();
        if (event.is(Events.MEMBER_ADDED)) {
            MemberAdded added = event.payloadAs(Events.MEMBER_ADDED);
            return person(new RosterPerson(added.memberId(), added.email(), added.name(), added.role(),
                    added.libraryId(), added.cohortId(), false), at);
        }
        if (event.is(Events.MEMBER_UPDATED)) {
            MemberUpdated updated = event.payloadAs(Events.MEMBER_UPDATED);
            return person(new RosterPerson(updated.memberId(), updated.email(), updated.name(), updated.role(),
                    updated.libraryId(), updated.cohortId(), false), at);
        }
        if (event.is(Events.MEMBER_REMOVED)) {
            MemberRemoved removed = event.payloadAs(Events.MEMBER_REMOVED);
            Held<RosterPerson> known = people.get(removed.memberId());
            RosterPerson before = known == null ? null : known.value();
            return person(new RosterPerson(removed.memberId(), removed.email(),
                    before == null ? null : before.name(), before == null ? null : before.role(),
                    removed.libraryId(), removed.cohortId(), true), at);
        }
        if (event.is(Events.LIBRARY_JOINED_COHORT)) {
            LibraryJoinedCohort joined = event.payloadAs(Events.LIBRARY_JOINED_COHORT);
            return library(new RosterLibrary(joined.libraryId(), joined.cohortId(), true), at);
        }
        if (event.is(Events.LIBRARY_UPDATED)) {
            LibraryUpdated updated = event.payloadAs(Events.LIBRARY_UPDATED);
            return library(new RosterLibrary(updated.libraryId(), updated.cohortId(), true), at);
        }
        if (event.is(Events.LIBRARY_LEFT_COHORT)) {
            LibraryLeftCohort left = event.payloadAs(Events.LIBRARY_LEFT_COHORT);
            return library(new RosterLibrary(left.libraryId(), left.cohortId(), false), at);
        }
        return false;
    }

    @Override
    public List<RosterPerson> people(String email) {
        String key = RosterPerson.emailKey(email);
        Set<String> ids = memberIdsByEmail.get(key);
        if (ids == null) {
            return List.of();
        }
        // An id stays under an address it no longer has until its person is applied again: check the address.
        return ids.stream().map(people::get).filter(Objects::nonNull).map(Held::value)
                .filter(person -> key.equals(RosterPerson.emailKey(person.email()))).toList();
    }

    @Override
    public Optional<RosterLibrary> library(String libraryId) {
        return Optional.ofNullable(libraryId == null ? null : libraries.get(libraryId)).map(Held::value);
    }

    private boolean person(RosterPerson person, Instant at) {
        boolean[] applied = {false};
        String[] previousEmail = {null};
        people.compute(person.memberId(), (id, held) -> {
            if (held != null && held.asOf().isAfter(at)) {
                return held;
            }
            applied[0] = true;
            previousEmail[0] = held == null ? null : held.value().email();
            return new Held<>(person, at);
        });
        String previousKey = RosterPerson.emailKey(previousEmail[0]);
        if (applied[0] && previousKey != null && !previousKey.equals(RosterPerson.emailKey(person.email()))) {
            Set<String> old = memberIdsByEmail.get(previousKey);
            if (old != null) {
                old.remove(person.memberId());
            }
        }
        if (applied[0] && person.email() != null) {
            memberIdsByEmail.computeIfAbsent(RosterPerson.emailKey(person.email()), k -> ConcurrentHashMap.newKeySet())
                    .add(person.memberId());
        }
        return applied[0];
    }

    private boolean library(RosterLibrary library, Instant at) {
        boolean[] applied = {false};
        libraries.compute(library.libraryId(), (id, held) -> {
            if (held != null && held.asOf().isAfter(at)) {
                return held;
            }
            applied[0] = true;
            return new Held<>(library, at);
        });
        return applied[0];
    }
}
