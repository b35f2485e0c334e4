package org.outward.notes.note;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.outward.notes.attachment.AttachmentFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Background work on notes, each job idempotent and safe to run on several instances at once:
 * <ul>
 *   <li>retry failed text extractions that are due (backoff doubles each attempt);</li>
 *   <li>sweep GridFS files no note references, once older than the grace period (files are
 *       written before their note, so a crash in between leaves them behind; the grace period
 *       covers uploads still in progress);</li>
 *   <li>remove deleted notes' tombstones once their {@code NoteDeleted} is published.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class NoteMaintenance {

    private static final Logger log = LoggerFactory.getLogger(NoteMaintenance.class);
    private static final int BATCH = 50;

    private final NoteStore store;
    private final NoteService notes;
    private final AttachmentFiles files;
    private final Clock clock;
    private final Duration orphanGrace;

    NoteMaintenance(NoteStore store, NoteService notes, AttachmentFiles files, Clock clock,
            @Value("${outward.notes.orphans.grace-period:PT1H}") Duration orphanGrace) {
        this.store = store;
        this.notes = notes;
        this.files = files;
        this.clock = clock;
        this.orphanGrace = orphanGrace;
    }

    @Scheduled(fixedDelayString = "${outward.notes.extraction.retry-interval:PT30S}",
            initialDelayString = "${outward.notes.extraction.retry-interval:PT30S}")
    public void retryExtractions() {
        try {
            store.dueForExtraction(clock.instant(), BATCH).forEach(notes::retryExtraction);
        } catch (RuntimeException e) {
            log.warn("extraction retry round failed; next round will try again", e);
        }
    }

    @Scheduled(fixedDelayString = "${outward.notes.orphans.sweep-interval:PT10M}",
            initialDelayString = "${outward.notes.orphans.sweep-interval:PT10M}")
    public void sweep() {
        try {
            sweepOrphanFiles();
            purgeTombstones();
        } catch (RuntimeException e) {
            log.warn("sweep failed; next round will try again", e);
        }
    }

    /** Returns how many files were removed. */
    public int sweepOrphanFiles() {
        Instant cutoff = clock.instant().minus(orphanGrace);
        int removed = 0;
        for (String fileId : files.storedBefore(cutoff, 1_000)) {
            if (!store.referencesFile(fileId)) {
                files.delete(fileId);
                removed++;
                log.info("removed orphan attachment file {}", fileId);
            }
        }
        return removed;
    }

    public long purgeTombstones() {
        long purged = store.purgePublishedTombstones();
        if (purged > 0) {
            log.info("removed {} deleted notes whose NoteDeleted is published", purged);
        }
        return purged;
    }
}
