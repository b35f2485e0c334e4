package org.outward.notes.theme;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.outward.contracts.Events;
import org.outward.contracts.notes.ThemesUpdated;
import org.outward.platform.outbox.OutboxEntry;
import org.outward.platform.outbox.OutboxEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

/**
 * Recomputes a scope's themes from the notes as they are now and stores the snapshot. {@code ThemesUpdated}
 * goes in the same write, and only when the top themes changed (their keys, in order): a new note that only
 * shifts weights or adds evidence changes the snapshot but announces nothing. Recomputing from current state
 * makes this idempotent: the same event handled twice stores the same themes and emits nothing the second time.
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

    /** The library's themes, then (when it has a cohort) the cohort's. */
    public void refresh(String libraryId, String cohortId) {
        if (libraryId != null) {
            refresh(ThemesUpdated.SCOPE_LIBRARY, libraryId, cohortId);
        }
        if (cohortId != null) {
            refresh(ThemesUpdated.SCOPE_COHORT, null, cohortId);
        }
    }

    private void refresh(String scope, String libraryId, String cohortId) {
        boolean library = ThemesUpdated.SCOPE_LIBRARY.equals(scope);
        String id = library ? ThemeSnapshot.libraryId(libraryId) : ThemeSnapshot.cohortId(cohortId);
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            List<NoteText> used = library ? notes.ofLibrary(libraryId, null, null)
                    : notes.sharedInCohort(cohortId, null, null);
            List<Theme> themes = engine.themes(used);
            Optional<ThemeSnapshot> current = snapshots.find(id);
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            long version = current.map(ThemeSnapshot::version).orElse(0L);
            ThemeSnapshot next = new ThemeSnapshot(id, scope, libraryId, cohortId, used.size(), now, version + 1,
                    themes);
            List<String> before = current.map(ThemeSnapshot::keys).orElse(List.of());
            boolean changed = !before.equals(next.keys());
            List<OutboxEntry> events = changed
                    ? List.of(outbox.entry(Events.THEMES_UPDATED, library ? libraryId : id,
                            new ThemesUpdated(scope, libraryId, cohortId,
                                    themes.stream().map(Theme::data).toList(), now)))
                    : List.of();
            boolean stored = current.isEmpty() ? snapshots.insert(next, events)
                    : snapshots.replace(next, version, events);
            if (stored) {
                log.info("themes computed scope={} notes={} themes={} changed={}{}", id, used.size(), themes.size(),
                        changed, changed ? " event=" + events.get(0).id() : "");
                return;
            }
            // Another recomputation got there first: read again and recompute from what is stored now.
        }
        throw new OptimisticLockingFailureException("theme snapshot " + id + " kept changing; will retry");
    }
}
