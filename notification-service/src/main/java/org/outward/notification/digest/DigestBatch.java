package org.outward.notification.digest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.outward.notification.delivery.EmailOutbox;
import org.outward.notification.delivery.OutgoingEmail;
import org.outward.notification.feed.FeedItem;
import org.outward.notification.feed.FeedStore;
import org.outward.notification.preference.Frequency;
import org.outward.notification.preference.NewsKind;
import org.outward.notification.preference.Preferences;
import org.outward.notification.recipient.Library;
import org.outward.notification.recipient.Recipient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The windows of a batch of recipients, worked through step by step with one database round trip per step for the
 * whole batch rather than per window (the steps of {@link DigestJob}, each still per-window atomic):
 * read the schedules; claim the due windows (compare-and-set each); skip those whose email is queued already; claim
 * the candidates (one bulk insert); read which claimed items were withdrawn meanwhile; queue the emails (one bulk
 * insert); drop the given back items now offered; complete the windows. A window whose own work fails (bad data:
 * the recipient's candidates or rendering) fails that recipient only, and stays pending for the next run; a
 * database step that fails throws, and {@link DigestJob} retries the batch recipient by recipient.
 */
@Component
class DigestBatch {

    private static final Logger log = LoggerFactory.getLogger(DigestBatch.class);

    private final DigestSchedule schedule;
    private final DigestCandidates candidates;
    private final DigestClaims claims;
    private final DigestReturns returns;
    private final DigestAssembly assembly;
    private final EmailOutbox outbox;
    private final FeedStore feed;

    DigestBatch(DigestSchedule schedule, DigestCandidates candidates, DigestClaims claims, DigestReturns returns,
            DigestAssembly assembly, EmailOutbox outbox, FeedStore feed) {
        this.schedule = schedule;
        this.candidates = candidates;
        this.claims = claims;
        this.returns = returns;
        this.assembly = assembly;
        this.outbox = outbox;
        this.feed = feed;
    }

    /** One recipient's window of one frequency, and what became of it in this run. */
    static final class Window {
        final Recipient recipient;
        final Optional<Library> library;
        final Preferences prefs;
        final Frequency frequency;
        final Set<NewsKind> kinds;
        private DigestSchedule.State state;
        private String key;
        private Instant end;
        private boolean resumed;
        private Map<String, FeedItem> found;
        private Set<String> mine;
        private List<FeedItem> items;
        private DigestJob.Outcome done;
        private final Window earlier;
        DigestJob.Outcome outcome;
        int itemCount;

        Window(Recipient recipient, Optional<Library> library, Preferences prefs, Frequency frequency,
                Set<NewsKind> kinds) {
            this(recipient, library, prefs, frequency, kinds, null);
        }

        private Window(Recipient recipient, Optional<Library> library, Preferences prefs, Frequency frequency,
                Set<NewsKind> kinds, Window earlier) {
            this.recipient = recipient;
            this.library = library;
            this.prefs = prefs;
            this.frequency = frequency;
            this.kinds = kinds;
            this.earlier = earlier;
        }

        /** The same window, to be worked on again from what is stored (after a failed attempt in this run). */
        Window afresh() {
            return new Window(recipient, library, prefs, frequency, kinds, this);
        }

        String scheduleId() {
            return DigestSchedule.id(recipient, frequency);
        }

        String memberId() {
            return recipient.memberId();
        }
    }

    /**
     * Works through the windows; each ends with an {@link Window#outcome} (FAILED: the recipient's own work failed,
     * the window stays pending).
     *
     * @param afterClaim gets each email key between claiming its items and queueing the email
     * @throws RuntimeException a database step failed: windows without an outcome are left as they are stored
     */
    void run(DigestSnapshot snapshot, List<Window> windows, Consumer<String> afterClaim) {
        Set<String> failed = new HashSet<>();
        List<Window> open = claimWindows(snapshot, windows);

        Set<String> queued = outbox.existing(open.stream().map(w -> w.key).toList());
        List<DigestSchedule.Completion> completions = new ArrayList<>();
        List<Window> working = new ArrayList<>();
        for (Window w : open) {
            if (queued.contains(w.key)) {
                completions.add(new DigestSchedule.Completion(w.state, w.key, w.end, -1));
                w.done = DigestJob.Outcome.ALREADY_QUEUED;
            } else {
                working.add(w);
            }
        }

        for (Window w : working) {
            guarded(w, failed, () -> w.found = candidates.find(snapshot, w.recipient, w.kinds,
                    schedule.from(w.recipient, w.state), w.end));
        }
        working = alive(working, failed);
        List<Set<String>> claimed = claims.claimAll(working.stream()
                .map(w -> new DigestClaims.Request(w.memberId(), w.found.keySet(), w.key)).toList());
        for (int i = 0; i < working.size(); i++) {
            Window w = working.get(i);
            w.mine = new HashSet<>(claimed.get(i));
            if (w.resumed) {
                w.mine.addAll(claims.claimedBy(w.memberId(), w.key));
            }
        }
        for (Window w : working) {
            guarded(w, failed, () -> {
                afterClaim.accept(w.key);
                w.items = candidates.claimed(snapshot, w.recipient, w.mine, w.found);
            });
        }
        working = alive(working, failed);

        // Read again: an item may have been withdrawn since the snapshot was taken.
        Set<String> ids = new HashSet<>();
        working.forEach(w -> ids.addAll(DigestCandidates.storedIds(w.items)));
        Set<String> withdrawn = feed.withdrawnAmong(ids);
        List<OutgoingEmail> emails = new ArrayList<>();
        for (Window w : working) {
            guarded(w, failed, () -> {
                w.items = DigestCandidates.visible(w.recipient, w.items, withdrawn);
                if (!w.items.isEmpty()) {
                    emails.add(assembly.email(snapshot, w.recipient, w.library, w.prefs, w.frequency, w.key,
                            w.items));
                }
            });
        }
        working = alive(working, failed);
        // A key refused here was queued by another run working on the same window: with the items claimed for it.
        outbox.enqueueAll(emails.stream().filter(e -> !failed.contains(e.recipientId())).toList());

        // Given back items offered here are claimed now, by this email or the one that had them meanwhile.
        Map<String, Set<String>> offered = new HashMap<>();
        for (Window w : working) {
            Set<String> returned = DigestCandidates.returnedAmong(snapshot, w.recipient, w.found.keySet());
            if (!returned.isEmpty()) {
                offered.computeIfAbsent(w.memberId(), m -> new HashSet<>()).addAll(returned);
            }
            completions.add(new DigestSchedule.Completion(w.state, w.key, w.end, w.items.size()));
            w.done = w.items.isEmpty() ? DigestJob.Outcome.EMPTY : DigestJob.Outcome.SENT;
        }
        returns.removeAll(offered);
        schedule.completeAll(completions);

        for (Window w : windows) {
            if (w.earlier != null && w.earlier.done != null && (w.done == DigestJob.Outcome.ALREADY_QUEUED
                    || w.outcome == DigestJob.Outcome.NOT_DUE)) {
                // The failed attempt had queued this email (and maybe completed the window): it counts as that.
                w.done = w.earlier.done;
                w.key = w.earlier.key;
                w.items = w.earlier.items;
            }
            if (w.done != null) {
                w.outcome = w.done;
                w.itemCount = w.done == DigestJob.Outcome.SENT ? w.items.size() : 0;
                if (w.done == DigestJob.Outcome.SENT) {
                    log.info("digest queued key={} recipient={} items={}", w.key, w.memberId(), w.itemCount);
                }
            } else if (w.outcome == null && failed.contains(w.memberId())) {
                w.outcome = DigestJob.Outcome.FAILED;
            }
        }
    }

    /**
     * Decides each window: resumed (pending from an earlier run: same key and end), not due, or due and claimed by
     * one compare-and-set each (BUSY when another run has it).
     *
     * @return the windows to work on
     */
    private List<Window> claimWindows(DigestSnapshot snapshot, List<Window> windows) {
        Map<String, DigestSchedule.State> states = schedule.readAll(windows.stream().map(Window::scheduleId).toList());
        Map<String, DigestSchedule.Claim> wanted = new HashMap<>();
        List<Window> open = new ArrayList<>();
        for (Window w : windows) {
            w.state = states.get(w.scheduleId());
            if (w.state.pendingKey() != null) {
                w.resumed = true;
                w.key = w.state.pendingKey();
                w.end = w.state.pendingEnd();
                log.info("digest resuming key={}", w.key);
                open.add(w);
                continue;
            }
            w.end = DigestSchedule.dueEnd(w.state, w.frequency, w.prefs, snapshot.now);
            if (w.end == null) {
                w.outcome = DigestJob.Outcome.NOT_DUE;
                continue;
            }
            w.key = DigestSchedule.key(w.frequency, w.memberId(), w.end);
            wanted.put(w.scheduleId(), new DigestSchedule.Claim(w.state, w.key, w.end));
        }
        Set<String> won = schedule.claimAll(new ArrayList<>(wanted.values()));
        for (Window w : windows) {
            if (w.outcome == null && !w.resumed) {
                if (won.contains(w.scheduleId())) {
                    w.state = wanted.get(w.scheduleId()).claimed();
                    open.add(w);
                } else {
                    w.outcome = DigestJob.Outcome.BUSY;
                }
            }
        }
        return open;
    }

    /** One recipient's bad data must not stop the others: their window fails, and stays pending. */
    private static void guarded(Window w, Set<String> failed, Runnable work) {
        if (failed.contains(w.memberId())) {
            return;
        }
        try {
            work.run();
        } catch (RuntimeException e) {
            failed.add(w.memberId());
            log.error("digest failed recipient={} key={}: {} (resumed by the next run)", w.memberId(), w.key,
                    e.toString());
        }
    }

    private static List<Window> alive(List<Window> windows, Set<String> failed) {
        return windows.stream().filter(w -> !failed.contains(w.memberId())).toList();
    }
}
