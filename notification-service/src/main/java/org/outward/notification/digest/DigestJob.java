package org.outward.notification.digest;

import jakarta.annotation.PostConstruct;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.outward.notification.delivery.EmailOutbox;
import org.outward.notification.feed.FeedItem;
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
 * Builds and queues the daily and weekly digests that are due, recipient by recipient. Per window the steps, each
 * one single-document write and each safe to repeat:
 * <ol>
 * <li>claim the window in the {@link DigestSchedule} (only one run, one instance, wins);</li>
 * <li>claim its {@link DigestCandidates} for the email key (see {@link DigestClaims}: an item goes into one email
 * per recipient);</li>
 * <li>queue the email ({@link DigestAssembly}) with key = (window, recipient) in the email outbox (never twice);</li>
 * <li>complete the window.</li>
 * </ol>
 * A run that dies anywhere is resumed by the next one from the pending window with the same key and the items
 * already claimed for it, so nothing is lost and nothing doubled. A recipient whose window fails is logged and
 * skipped; the others go on, and the failed window is resumed by the next run.
 */
@Component
public class DigestJob {

    static final List<Frequency> DIGESTS = List.of(Frequency.DAILY, Frequency.WEEKLY);

    private static final Logger log = LoggerFactory.getLogger(DigestJob.class);

    private final MongoTemplate mongo;
    private final RosterReadModel roster;
    private final DigestSchedule schedule;
    private final DigestCandidates candidates;
    private final DigestClaims claims;
    private final DigestReturns returns;
    private final DigestAssembly assembly;
    private final EmailOutbox outbox;

    DigestJob(MongoTemplate mongo, RosterReadModel roster, DigestSchedule schedule, DigestCandidates candidates,
            DigestClaims claims, DigestReturns returns, DigestAssembly assembly, EmailOutbox outbox) {
        this.mongo = mongo;
        this.roster = roster;
        this.schedule = schedule;
        this.candidates = candidates;
        this.claims = claims;
        this.returns = returns;
        this.assembly = assembly;
        this.outbox = outbox;
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
        int recipients = 0;
        int items = 0;
        int[] counts = new int[Outcome.values().length];
        for (Recipient recipient : roster.activeRecipients()) {
            Optional<Library> library = snapshot.library(recipient);
            if (!RosterReadModel.reachable(recipient, library)) {
                continue;
            }
            recipients++;
            Preferences prefs = PreferenceStore.of(recipient, library,
                    Optional.ofNullable(snapshot.storedPreferences.get(recipient.memberId())));
            try {
                for (Frequency frequency : DIGESTS) {
                    Set<NewsKind> kinds = DigestCandidates.kinds(prefs, frequency);
                    if (!kinds.isEmpty()) {
                        Result result = runWindow(snapshot, recipient, library, prefs, frequency, kinds, afterClaim);
                        counts[result.outcome().ordinal()]++;
                        items += result.items();
                    }
                }
            } catch (RuntimeException e) {
                // One recipient's bad data or a passing database error must not stop everyone after them.
                counts[Outcome.FAILED.ordinal()]++;
                log.error("digest failed recipient={}: {} (resumed by the next run)", recipient.memberId(),
                        e.toString());
            }
        }
        RunSummary summary = new RunSummary(now, recipients, counts[Outcome.SENT.ordinal()],
                counts[Outcome.EMPTY.ordinal()], counts[Outcome.NOT_DUE.ordinal()], counts[Outcome.BUSY.ordinal()],
                items, counts[Outcome.FAILED.ordinal()]);
        log.info("digest run at={} recipients={} queued={} empty={} notDue={} busy={} items={} failed={}", now,
                recipients, summary.queued(), summary.empty(), summary.notDue(), summary.busy(), items,
                summary.failed());
        return summary;
    }

    private record Result(Outcome outcome, int items) {
    }

    private Result runWindow(DigestSnapshot snapshot, Recipient recipient, Optional<Library> library,
            Preferences prefs, Frequency frequency, Set<NewsKind> kinds, Consumer<String> afterClaim) {
        DigestSchedule.State state = schedule.read(recipient, frequency);
        boolean resumed = state.pendingKey() != null;
        String key;
        Instant end;
        if (resumed) {
            key = state.pendingKey();
            end = state.pendingEnd();
            log.info("digest resuming key={}", key);
        } else {
            end = DigestSchedule.dueEnd(state, frequency, prefs, snapshot.now);
            if (end == null) {
                return new Result(Outcome.NOT_DUE, 0);
            }
            key = DigestSchedule.key(frequency, recipient.memberId(), end);
            if (!schedule.claim(state, key, end)) {
                return new Result(Outcome.BUSY, 0);
            }
        }
        if (outbox.exists(key)) {
            schedule.complete(state, key, end, -1);
            return new Result(Outcome.ALREADY_QUEUED, 0);
        }
        Map<String, FeedItem> found = candidates.find(snapshot, recipient, kinds,
                schedule.from(recipient, state), end);
        Set<String> mine = new HashSet<>(claims.claim(recipient.memberId(), found.keySet(), key));
        if (resumed) {
            mine.addAll(claims.claimedBy(recipient.memberId(), key));
        }
        afterClaim.accept(key);
        List<FeedItem> items = candidates.resolve(snapshot, recipient, mine, found);
        if (!items.isEmpty()) {
            outbox.enqueue(assembly.email(snapshot, recipient, library, prefs, frequency, key, items));
        }
        // Given back items offered here are claimed now, by this email or the one that had them meanwhile.
        returns.remove(recipient.memberId(), DigestCandidates.returnedAmong(snapshot, recipient, found.keySet()));
        schedule.complete(state, key, end, items.size());
        if (items.isEmpty()) {
            return new Result(Outcome.EMPTY, 0);
        }
        log.info("digest queued key={} recipient={} items={}", key, recipient.memberId(), items.size());
        return new Result(Outcome.SENT, items.size());
    }
}
