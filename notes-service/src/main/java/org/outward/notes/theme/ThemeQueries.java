package org.outward.notes.theme;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.outward.platform.errors.BadRequestException;
import org.springframework.stereotype.Service;

/**
 * Answers theme questions: over all notes from the stored snapshot (kept current by {@link ThemeListener}),
 * over a date range (or before the first snapshot exists) computed on the fly from the notes. Who may ask which
 * set is the controllers' business; each method here reads only the notes its set is defined over.
 */
@Service
public class ThemeQueries {

    private final ThemeNotes notes;
    private final ThemeSnapshots snapshots;
    private final ThemeEngine engine;
    private final Clock clock;

    ThemeQueries(ThemeNotes notes, ThemeSnapshots snapshots, ThemeEngine engine, Clock clock) {
        this.notes = notes;
        this.snapshots = snapshots;
        this.engine = engine;
        this.clock = clock;
    }

    public ThemesView ofLibrary(String libraryId, LocalDate from, LocalDate to) {
        checkRange(from, to);
        if (from == null && to == null) {
            Optional<ThemeSnapshot> snapshot = snapshots.find(ThemeSnapshot.libraryId(libraryId));
            if (snapshot.isPresent()) {
                return view(snapshot.get(), libraryId);
            }
        }
        return compute(ThemeSnapshot.LIBRARY, libraryId, null, from, to, notes.ofLibrary(libraryId, from, to));
    }

    /**
     * The library's notes shared with {@code cohortId}; with a null cohort (staff), shared with its cohort as
     * the snapshot knows it, or with any cohort when there is no snapshot yet.
     */
    public ThemesView ofLibraryShared(String libraryId, String cohortId, LocalDate from, LocalDate to) {
        checkRange(from, to);
        Optional<ThemeSnapshot> snapshot = snapshots.find(ThemeSnapshot.librarySharedId(libraryId))
                .filter(s -> cohortId == null || cohortId.equals(s.cohortId()));
        if (from == null && to == null && snapshot.isPresent()) {
            return view(snapshot.get(), libraryId);
        }
        String cohort = cohortId != null ? cohortId : snapshot.map(ThemeSnapshot::cohortId).orElse(null);
        return compute(ThemeSnapshot.LIBRARY_SHARED, libraryId, cohort, from, to,
                notes.sharedOfLibrary(libraryId, cohort, from, to));
    }

    /** Always computed now from the notes: a report must show the library's current knowledge. */
    public ThemesView ofLibraryNow(String libraryId) {
        return compute(ThemeSnapshot.LIBRARY, libraryId, null, null, null, notes.ofLibrary(libraryId, null, null));
    }

    public ThemesView ofCohort(String cohortId, LocalDate from, LocalDate to) {
        checkRange(from, to);
        if (from == null && to == null) {
            Optional<ThemeSnapshot> snapshot = snapshots.find(ThemeSnapshot.cohortId(cohortId));
            if (snapshot.isPresent()) {
                return view(snapshot.get(), null);
            }
        }
        return compute(ThemeSnapshot.COHORT, null, cohortId, from, to,
                notes.sharedInCohort(cohortId, from, to));
    }

    private ThemesView compute(String scope, String libraryId, String cohortId, LocalDate from, LocalDate to,
            List<NoteText> used) {
        return new ThemesView(scope, libraryId, cohortId, from, to, used.size(),
                clock.instant().truncatedTo(ChronoUnit.MILLIS), engine.themes(used));
    }

    private static ThemesView view(ThemeSnapshot snapshot, String libraryId) {
        return new ThemesView(snapshot.scope(), libraryId, snapshot.cohortId(), null, null, snapshot.noteCount(),
                snapshot.computedAt(), snapshot.themes());
    }

    private static void checkRange(LocalDate from, LocalDate to) {
        if (from != null && to != null && from.isAfter(to)) {
            throw new BadRequestException("from", "must not be after to");
        }
    }
}
