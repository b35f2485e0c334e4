package org.outward.notification.digest;

import jakarta.annotation.PostConstruct;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.outward.notification.preference.Frequency;
import org.outward.notification.preference.NewsKind;
import org.outward.notification.preference.PreferenceStore;
import org.outward.notification.preference.Preferences;
import org.outward.notification.recipient.Library;
import org.outward.notification.recipient.Recipient;
import org.outward.notification.recipient.RosterReadModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * Builds and queues the daily and weekly digests that are due, a batch of recipients at a time
 * ({@code outward.digest.batch-size}). Per window the steps, each safe to repeat:
 * <ol>
 * <li>claim the window in the {@link DigestSchedule} (only one run, one instance, wins);</li>
 * <li>claim its {@link DigestCandidates} for the email key (see {@link DigestClaims}: an item goes into one email
 * per recipient);</li>
 * <li>queue the email ({@link DigestAssembly}) with key = (window, recipient) in the email outbox (never twice);</li>
 * <li>complete the window.</li>
 * </ol>
 * {@link DigestBatch} takes each step for the whole batch in one round trip (the embedded MongoDB server costs about
 * a millisecond per command, a real one a network round trip); {@code outward.digest.threads} batches are built at
 * once (each mostly waits on the database). A run that dies anywhere is resumed by the next one
 * from the pending windows with the same keys and the items already claimed for them, so nothing is lost and
 * nothing doubled. A recipient whose window fails is logged and skipped; the others go on, and the failed window is
 * resumed by the next run. A batch whose database step fails is retried recipient by recipient, so a passing error
 * or one recipient's bad data costs no one else their digest.
 */
@Component
public class DigestJob {

    static final List<Frequency> DIGESTS = List.of(Frequency.DAILY, Frequency.WEEKLY);

    private static final Logger log = LoggerFactory.getLogger(DigestJob.class);

    private final MongoTemplate mongo;
    private final RosterReadModel roster;
    private final DigestCandidates candidates;
    private final DigestBatch batch;
    private final DigestProperties properties;

    DigestJob(MongoTemplate mongo, RosterReadModel roster, DigestCandidates candidates, DigestBatch batch,
            DigestProperties properties) {
        this.mongo = mongo;
        this.roster = roster;
        this.candidates = candidates;
        this.batch = batch;
        this.properties = properties;
    }

    @PostConstruct
    void createIndexes() {
        mongo.indexOps(DigestClaims.COLLECTION).createIndex(new Index().on("e", Sort.Direction.ASC));
    }

    public enum Outcome { SENT, EMPTY, NOT_DUE, BUSY, ALREADY_QUEUED, FAILED }

    /** What one run did, for logs and for the staff endpoint; {@code failed}: recipients whose windows failed. */
    public record RunSummary(Instant at, int recipients, int queued, int empty, int notDue, int busy, int items,
            int failed) {
    }

    public RunSummary runDue(Instant now) {
        return runDue(now, key -> { });
    }

    /**
     * @param afterClaim gets the email key between claiming a window's items and queueing its email (tests
     *                   inject a failure or a crash here)
     */
    public RunSummary runDue(Instant now, Consumer<String> afterClaim) {
        DigestSnapshot snapshot = candidates.snapshot(now);
        List<List<DigestBatch.Window>> recipients = new ArrayList<>();
        for (Recipient recipient : roster.activeRecipients()) {
            Optional<Library> library = snapshot.library(recipient);
            if (!RosterReadModel.reachable(recipient, library)) {
                continue;
            }
            Preferences prefs = PreferenceStore.of(recipient, library,
                    Optional.ofNullable(snapshot.storedPreferences.get(recipient.memberId())));
            List<DigestBatch.Window> windows = new ArrayList<>();
            for (Frequency frequency : DIGESTS) {
                Set<NewsKind> kinds = DigestCandidates.kinds(prefs, frequency);
                if (!kinds.isEmpty()) {
                    windows.add(new DigestBatch.Window(recipient, library, prefs, frequency, kinds));
                }
            }
            recipients.add(windows);
        }
        int size = properties.batchSize();
        List<List<List<DigestBatch.Window>>> batches = new ArrayList<>();
        for (int from = 0; from < recipients.size(); from += size) {
            batches.add(recipients.subList(from, Math.min(from + size, recipients.size())));
        }
        int[] counts = new int[Outcome.values().length];
        int items = 0;
        for (List<List<DigestBatch.Window>> part : runAll(snapshot, batches, afterClaim)) {
            for (List<DigestBatch.Window> windows : part) {
                boolean failed = false;
                for (DigestBatch.Window w : windows) {
                    if (w.outcome == Outcome.FAILED) {
                        failed = true;
                    } else if (w.outcome != null) {
                        counts[w.outcome.ordinal()]++;
                        items += w.itemCount;
                    }
                }
                if (failed) {
                    counts[Outcome.FAILED.ordinal()]++;
                }
            }
        }
        RunSummary summary = new RunSummary(now, recipients.size(), counts[Outcome.SENT.ordinal()],
                counts[Outcome.EMPTY.ordinal()], counts[Outcome.NOT_DUE.ordinal()], counts[Outcome.BUSY.ordinal()],
                items, counts[Outcome.FAILED.ordinal()]);
        log.info("digest run at={} recipients={} queued={} empty={} notDue={} busy={} items={} failed={}", now,
                summary.recipients(), summary.queued(), summary.empty(), summary.notDue(), summary.busy(), items,
                summary.failed());
        return summary;
    }

    /**
     * The batches, {@code outward.digest.threads} at a time: they share no recipient, so no window, claim or email,
     * and each waits on the database most of the time. Something thrown out of a batch (an error, not a failed
     * recipient) is rethrown once every batch has stopped, so nothing of this run goes on behind the caller's back.
     *
     * @return each batch's recipients with their windows, as worked on
     */
    private List<List<List<DigestBatch.Window>>> runAll(DigestSnapshot snapshot,
            List<List<List<DigestBatch.Window>>> batches, Consumer<String> afterClaim) {
        int threads = Math.min(properties.threads(), batches.size());
        if (threads <= 1) {
            return batches.stream().map(part -> runBatch(snapshot, part, afterClaim)).toList();
        }
        AtomicInteger number = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads,
                r -> new Thread(r, "digest-batch-" + number.incrementAndGet()));
        try {
            List<Future<List<List<DigestBatch.Window>>>> running = new ArrayList<>();
            for (List<List<DigestBatch.Window>> part : batches) {
                running.add(pool.submit(() -> runBatch(snapshot, part, afterClaim)));
            }
            List<List<List<DigestBatch.Window>>> done = new ArrayList<>();
            Throwable thrown = null;
            for (Future<List<List<DigestBatch.Window>>> batch : running) {
                try {
                    done.add(batch.get());
                } catch (ExecutionException e) {
                    thrown = thrown == null ? e.getCause() : thrown;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    pool.shutdownNow();
                    throw new IllegalStateException("digest run interrupted", e);
                }
            }
            if (thrown instanceof Error error) {
                throw error;
            }
            if (thrown instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (thrown != null) {
                throw new IllegalStateException(thrown);
            }
            return done;
        } finally {
            pool.shutdown();
        }
    }

    /** One batch; when a database step fails for the whole batch, its recipients one by one. */
    private List<List<DigestBatch.Window>> runBatch(DigestSnapshot snapshot, List<List<DigestBatch.Window>> part,
            Consumer<String> afterClaim) {
        try {
            batch.run(snapshot, part.stream().flatMap(List::stream).toList(), afterClaim);
            return part;
        } catch (RuntimeException e) {
            log.warn("digest batch of {} recipients failed ({}): trying them one by one", part.size(), e.toString());
            return oneByOne(snapshot, part, afterClaim);
        }
    }

    /**
     * The windows of a failed batch that have no outcome yet, worked on again from what is stored, each recipient in
     * a batch of their own: a window the failed batch had claimed is pending, so it is resumed with its key.
     */
    private List<List<DigestBatch.Window>> oneByOne(DigestSnapshot snapshot, List<List<DigestBatch.Window>> part,
            Consumer<String> afterClaim) {
        List<List<DigestBatch.Window>> again = new ArrayList<>();
        for (List<DigestBatch.Window> windows : part) {
            List<DigestBatch.Window> redo = new ArrayList<>();
            List<DigestBatch.Window> all = new ArrayList<>();
            for (DigestBatch.Window w : windows) {
                DigestBatch.Window window = w.outcome == null ? w.afresh() : w;
                all.add(window);
                if (w.outcome == null) {
                    redo.add(window);
                }
            }
            try {
                batch.run(snapshot, redo, afterClaim);
            } catch (RuntimeException e) {
                // A passing database error: the recipient's windows are as stored, resumed by the next run.
                redo.forEach(w -> w.outcome = Outcome.FAILED);
                log.error("digest failed recipient={}: {} (resumed by the next run)",
                        windows.get(0).recipient.memberId(), e.toString());
            }
            again.add(all);
        }
        return again;
    }
}
