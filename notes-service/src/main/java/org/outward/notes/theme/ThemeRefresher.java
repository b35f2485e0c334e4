package org.outward.notes.theme;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.outward.contracts.Events;
import org.outward.contracts.notes.ThemesUpdated;
import org.outward.platform.outbox.OutboxEntry;
import org.outward.platform.outbox.OutboxEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

/**
 * Recomputes theme sets from the notes as they are now and stores their snapshots. A note of a library touches
 * three sets: the library's own (all its notes; stored, never announced: it may come from private notes), the
 * library's shared set (its notes shared with the cohort) and the cohort's (every shared note of the cohort).
 * {@code ThemesUpdated} of the two shared sets goes in the same write as their snapshot, and only when the top
 * themes changed (their keys, in order): a new note that only shifts weights or adds evidence changes the
 * snapshot but announces nothing. Recomputing from current state makes this idempotent: the same event handled
 * twice stores the same themes and emits nothing the second time.
 */
@Service
public class ThemeRefresher {

    private static final Logger log = LoggerFactory.getLogger(ThemeRefresher.class);
    private static final int ATTEMPTS = 5;

    private final ThemeNotes notes;
    private final ThemeSnapshots snapshots;
    private final ThemeEngine engine;
    private final OutboxEvents outbox;
    private final Clock clock;

    ThemeRefresher(ThemeNotes notes, ThemeSnapshots snapshots, ThemeEngine engine, OutboxEvents outbox, Clock clock) {
        this.notes = notes;
        this.snapshots = snapshots;
        this.engine = engine;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** One theme set: which snapshot, over which notes, and under which subject it is announced (null: never). */
    private record ThemeSet(String id, String scope, String libraryId, String cohortId,
            Supplier<List<NoteText>> notes, String subject) {
    }

    /** The library's own set, then (when it has a cohort) its shared set and the cohort's. */
    public void refresh(String libraryId, String cohortId) {
        if (libraryId != null) {
            refresh(new ThemeSet(ThemeSnapshot.libraryId(libraryId), ThemeSnapshot.LIBRARY, libraryId, cohortId,
                    () -> notes.ofLibrary(libraryId, null, null), null));
        }
        if (cohortId != null) {
            if (libraryId != null) {
                refresh(new ThemeSet(ThemeSnapshot.librarySharedId(libraryId), ThemeSnapshot.LIBRARY_SHARED,
                        libraryId, cohortId, () -> notes.sharedOfLibrary(libraryId, cohortId, null, null), libraryId));
            }
            String id = ThemeSnapshot.cohortId(cohortId);
            refresh(new ThemeSet(id, ThemeSnapshot.COHORT, null, cohortId,
                    () -> notes.sharedInCohort(cohortId, null, null), id));
        }
    }

    private void refresh(ThemeSet set) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            List<NoteText> used = set.notes().get();
            List<Theme> themes = engine.themes(set.id(), used);
            Optional<ThemeSnapshot> current = snapshots.find(set.id());
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            long version = current.map(ThemeSnapshot::version).orElse(0L);
            ThemeSnapshot next = new ThemeSnapshot(set.id(), set.scope(), set.libraryId(), set.cohortId(),
                    used.size(), now, version + 1, themes);
            List<String> before = current.map(ThemeSnapshot::keys).orElse(List.of());
            boolean changed = !before.equals(next.keys());
            List<OutboxEntry> events = changed && set.subject() != null
                    ? List.of(outbox.entry(Events.THEMES_UPDATED, set.subject(),
                            new ThemesUpdated(set.scope(), set.libraryId(), set.cohortId(),
                                    themes.stream().map(Theme::data).toList(), now)))
                    : List.of();
            boolean stored = current.isEmpty() ? snapshots.insert(next, events)
                    : snapshots.replace(next, version, events);
            if (stored) {
                log.info("themes computed scope={} notes={} themes={} changed={}{}", set.id(), used.size(),
                        themes.size(), changed, events.isEmpty() ? "" : " event=" + events.get(0).id());
                return;
            }
            // Another recomputation got there first: read again and recompute from what is stored now.
        }
        throw new OptimisticLockingFailureException("theme snapshot " + set.id() + " kept changing; will retry");
    }
}
